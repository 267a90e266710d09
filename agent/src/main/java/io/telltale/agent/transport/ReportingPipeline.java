package io.telltale.agent.transport;

import static java.util.Objects.requireNonNull;

import io.telltale.agent.config.AgentConfig;
import io.telltale.agent.config.AgentState;
import io.telltale.agent.config.KeyMaterial;
import io.telltale.agent.config.RemoteConfig;
import io.telltale.agent.config.Settings;
import io.telltale.agent.internal.Clock;
import io.telltale.agent.probe.ActivityRecord;
import io.telltale.agent.probe.Observations;
import io.telltale.agent.probe.ProbeSource;
import io.telltale.agent.spool.Spool;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One device's reporting path, shared by the real agent ({@code run}) and each simulated device: probe
 * source → {@link ReportComposer} → {@link Spool} → {@link Reporter} → collector, plus applying pushed
 * configuration and renewing the certificate. Only the probe source, the clock and the link timing differ
 * between the two. Not thread-safe: call from one thread per device.
 */
public final class ReportingPipeline implements AutoCloseable {

  private static final Logger logger = LoggerFactory.getLogger(ReportingPipeline.class);

  /** Renew when the certificate has less than this left, even if the collector did not ask. */
  public static final Duration RENEW_BEFORE_EXPIRY = Duration.ofDays(7);

  private final String device;
  private final ProbeSource probes;
  private final Clock clock;
  private final AgentState state;
  private final AgentConfig local;
  private final Spool spool;
  private final CollectorConnection connection;
  private final SectionFiller.Factory fillers;
  private final ReportComposer composer;
  private final Reporter reporter;
  private volatile Settings settings;
  private SectionFiller filler;
  private Set<String> shedProbes = Set.of();
  private boolean renewRequested;
  /** The client certificate's expiry, read from the state directory once per certificate. */
  private @Nullable Instant certificateNotAfter;
  private volatile boolean revoked;

  public ReportingPipeline(String device, ProbeSource probes, Clock clock, AgentState state, AgentConfig local,
      CollectorConnection connection, SectionFiller.Factory fillers, LinkTiming.Source timing) {
    this.device = requireNonNull(device, "device");
    this.probes = requireNonNull(probes, "probes");
    this.clock = requireNonNull(clock, "clock");
    this.state = requireNonNull(state, "state");
    this.local = requireNonNull(local, "local");
    this.connection = requireNonNull(connection, "connection");
    this.fillers = requireNonNull(fillers, "fillers");
    RemoteConfig remote = state.remoteConfig();
    this.settings = Settings.of(local, remote);
    this.spool = new Spool(state.spoolDir(), settings.spoolMaxBytes(), device);
    this.filler = fillers.create(settings.privacyMode(), state.identifierKey().orElse(new byte[0]));
    this.composer = new ReportComposer(io.telltale.agent.AgentVersion.current());
    this.reporter = new Reporter(device, spool, connection, clock, timing, () -> settings.configVersion(),
        new Listener(), new Backoff(() -> ThreadLocalRandom.current().nextDouble()));
    probes.restrictTo(enabledProbes());
  }

  /** Observes the device now and spools the report; returns its sequence number. */
  public long observe() {
    Instant now = clock.now();
    Observations obs = probes.observe(now, true);
    ActivityRecord activity = probes.drainActivity(now);
    Settings s = settings;
    ReportComposer.Composed c = composer.compose(obs, activity, filler, s.configVersion(), s.fullInventoryInterval());
    return spool.append(c.kind(), seq -> c.report().setSequence(seq).build().toByteArray());
  }

  /** Sends what the spool holds, then renews the certificate if asked to or if it expires soon. */
  public DeliveryOutcome deliver() {
    if (revoked) {
      return new DeliveryOutcome.Revoked("revoked earlier");
    }
    DeliveryOutcome outcome = reporter.deliver();
    if (outcome instanceof DeliveryOutcome.Revoked) {
      revoked = true;
    } else if (outcome instanceof DeliveryOutcome.Drained) {
      renewIfDue();
    }
    return outcome;
  }

  public Settings settings() {
    return settings;
  }

  public DeliveryStats stats() {
    return reporter.stats();
  }

  public Spool spool() {
    return spool;
  }

  public boolean revoked() {
    return revoked;
  }

  /** Stops running {@code probeNames} (self-limits), on top of what the configuration disables. */
  public void shed(Set<String> probeNames) {
    shedProbes = Set.copyOf(probeNames);
    probes.restrictTo(enabledProbes());
  }

  private Set<String> enabledProbes() {
    Set<String> enabled = new HashSet<>(settings.enabledProbes().isEmpty()
        ? Set.of("software", "hardware", "network", "sessions", "activity", "locale", "power", "system")
        : settings.enabledProbes());
    enabled.removeAll(shedProbes);
    return enabled;
  }

  private void renewIfDue() {
    boolean expiring;
    try {
      if (certificateNotAfter == null) { // parsed once per certificate, not once per delivery
        certificateNotAfter = state.certificateNotAfter();
      }
      expiring = certificateNotAfter.isBefore(clock.now().plus(RENEW_BEFORE_EXPIRY));
    } catch (RuntimeException e) {
      logger.warn("{} - cannot read the client certificate's expiry: {}", device, e.getMessage());
      expiring = false;
    }
    if (!renewRequested && !expiring) {
      return;
    }
    try {
      KeyMaterial key = KeyMaterial.generate();
      Enrollment.Renewed r = Enrollment.renew(connection, key);
      state.saveRenewal(key.privateKeyPem(), r.certificatePem(), r.caChainPem());
      connection.replaceCredentials(key.privateKeyPem(), r.certificatePem(), r.caChainPem());
      certificateNotAfter = null;
      renewRequested = false;
      logger.info("{} - certificate renewed", device);
    } catch (EnrollmentException | RuntimeException e) {
      logger.warn("{} - certificate renewal failed, will retry after the next delivery: {}", device, e.getMessage());
    }
  }

  @Override
  public void close() {
    spool.close();
  }

  private final class Listener implements DeliveryListener {
    @Override
    public void onConfig(RemoteConfig config, byte[] identifierKey) {
      Settings old = settings;
      state.saveRemoteConfig(config);
      boolean newKey = identifierKey.length > 0
          && !Arrays.equals(identifierKey, state.identifierKey().orElse(new byte[0]));
      if (newKey) {
        state.saveIdentifierKey(identifierKey);
      }
      Settings fresh = Settings.of(local, config);
      settings = fresh;
      spool.setMaxBytes(Math.max(Spool.MIN_MAX_BYTES, fresh.spoolMaxBytes()));
      if (newKey || fresh.privacyMode() != old.privacyMode()) {
        filler = fillers.create(fresh.privacyMode(), state.identifierKey().orElse(new byte[0]));
        composer.forceFull();
      }
      probes.restrictTo(enabledProbes());
      logger.info("{} - applied configuration version {}", device, fresh.configVersion());
    }

    @Override
    public void onRenewRequested() {
      renewRequested = true;
    }
  }
}
