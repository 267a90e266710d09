package io.telltale.agent.probe;

import static java.util.Objects.requireNonNull;

import io.telltale.agent.probe.activity.ActivityRecorder;
import io.telltale.agent.probe.linux.LinuxProbes;
import io.telltale.agent.probe.macos.MacosProbes;
import io.telltale.agent.probe.windows.WindowsProbes;
import java.time.Clock;
import java.util.Locale;

/** Chooses the probes of the platform the agent runs on. The only OS switch of the agent. */
public final class Probes {

  private Probes() {}

  /**
   * The real machine as a {@link ProbeSource}. With a live root ({@code /}) the probes of the running OS;
   * with any other root the Linux probes read that directory (a mounted image or a fixture tree), and
   * nothing live (commands, input capture) is consulted. No I/O happens here; probes start on first use.
   *
   * @param clock used for cache expiry of slow-changing facts
   */
  public static ProbeSource forCurrentPlatform(HostRoot root, Clock clock) {
    requireNonNull(root, "root");
    requireNonNull(clock, "clock");
    return new PlatformProbeSource(probeSet(root, clock, currentOs()), new ActivityRecorder());
  }

  static ProbeSet probeSet(HostRoot root, Clock clock, OsFamily os) {
    if (!root.isLive()) {
      return LinuxProbes.create(root, clock);
    }
    return switch (os) {
      case WINDOWS -> WindowsProbes.create(clock);
      case MACOS -> MacosProbes.create(clock);
      case LINUX, UNKNOWN -> LinuxProbes.create(root, clock);
    };
  }

  /** The OS family the JVM runs on. */
  public static OsFamily currentOs() {
    String name = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (name.startsWith("windows")) {
      return OsFamily.WINDOWS;
    }
    if (name.startsWith("mac") || name.startsWith("darwin")) {
      return OsFamily.MACOS;
    }
    if (name.startsWith("linux")) {
      return OsFamily.LINUX;
    }
    return OsFamily.UNKNOWN;
  }
}
