package io.telltale.agent.probe;

import static java.util.Objects.requireNonNull;

import io.telltale.agent.probe.activity.ActivityRecorder;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The real machine as a {@link ProbeSource}: runs the platform's {@link ProbeSet}. A FULL pass runs every
 * enabled probe; a volatile pass only power and sessions, which are cheap (files and one or two quick calls).
 * Input activity is captured in the background from the first call on (no I/O at construction) and drained
 * per report. Called from one thread.
 */
final class PlatformProbeSource implements ProbeSource {

  /** The failure entry of an unknown idle time, by convention of every OS's sessions probe. */
  static final String IDLE_PROBE = "sessions.idle";

  private final ProbeSet probes;
  private final ActivityRecorder recorder;
  private Set<String> enabled = Set.of();
  private boolean captureStarted;

  PlatformProbeSource(ProbeSet probes, ActivityRecorder recorder) {
    this.probes = requireNonNull(probes, "probes");
    this.recorder = requireNonNull(recorder, "recorder");
  }

  @Override
  public Observations observe(Instant now, boolean full) {
    startCapture();
    Failures failures = new Failures();
    SystemFacts system = null;
    SoftwareFacts software = null;
    HardwareFacts hardware = null;
    NetworkFacts network = null;
    LocaleFacts locale = null;
    if (full) {
      system = probes.system().observe(failures);
      if (on("software")) {
        software = new SoftwareFacts(
            orEmpty(probes.processes().observe(failures)),
            orEmpty(probes.services().observe(failures)),
            orEmpty(probes.installedApps().observe(failures)),
            orEmpty(probes.listeners().observe(failures)));
      }
      if (on("hardware")) {
        hardware = new HardwareFacts(
            orEmpty(probes.usb().observe(failures)),
            orEmpty(probes.displays().observe(failures)),
            orEmpty(probes.inputDevices().observe(failures)),
            orEmpty(probes.captureDevices().observe(failures)));
      }
      network = on("network") ? probes.network().observe(failures) : null;
      locale = on("locale") ? probes.locale().observe(failures) : null;
    }
    PowerFacts power = on("hardware") || on("sessions") ? probes.power().observe(failures) : null;
    SessionFacts sessions = on("sessions") ? sessions(now, failures) : null;
    if (on("activity")) {
      probes.activity().failures().forEach(f -> failures.add(f.probe(), f.reason()));
    }
    return new Observations(now, system, software, hardware, network, locale, power, sessions, failures.toList());
  }

  @Override
  public ActivityRecord drainActivity(Instant now) {
    startCapture();
    return recorder.drain(now);
  }

  @Override
  public void restrictTo(Set<String> enabledProbes) {
    this.enabled = Set.copyOf(enabledProbes);
  }

  @Override
  public void close() {
    probes.activity().close();
  }

  /** The sessions probe's facts and failures, minus "idle unknown" when the recorder supplied the idle time. */
  private @Nullable SessionFacts sessions(Instant now, Failures failures) {
    Failures own = new Failures();
    SessionFacts s = withIdleFromRecorder(probes.sessions().observe(own), now);
    boolean idleKnown = s != null && s.idleSeconds() >= 0;
    for (Observations.ProbeFailure f : own.toList()) {
      if (!(idleKnown && f.probe().equals(IDLE_PROBE))) {
        failures.add(f.probe(), f.reason());
      }
    }
    return s;
  }

  /** Where the OS does not tell idle time but the recorder saw input, the time since that input. */
  private @Nullable SessionFacts withIdleFromRecorder(@Nullable SessionFacts s, Instant now) {
    Instant last = recorder.lastInput();
    if (s == null || s.idleSeconds() >= 0 || last == null) {
      return s;
    }
    long idle = Math.max(0, now.getEpochSecond() - last.getEpochSecond());
    return new SessionFacts(s.sessions(), s.remoteSession(), s.remoteControl(), idle, s.screenLocked());
  }

  private void startCapture() {
    if (!captureStarted) {
      captureStarted = true;
      if (on("activity")) {
        probes.activity().start(recorder);
      }
    }
  }

  private boolean on(String probe) {
    return enabled.isEmpty() || enabled.contains(probe);
  }

  private static <T> List<T> orEmpty(@Nullable List<T> list) {
    return list == null ? List.of() : list;
  }
}
