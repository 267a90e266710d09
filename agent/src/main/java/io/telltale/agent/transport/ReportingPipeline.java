package io.telltale.agent.transport;

import static java.util.Objects.requireNonNull;

import io.telltale.agent.config.AgentConfig;
import io.telltale.agent.config.AgentState;
import io.telltale.agent.config.KeyMaterial;
import io.telltale.agent.config.RemoteConfig;
import io.telltale.agent.config.Revocation;
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
import java.util.Optional;
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
 *
 * <p>Revocation: when the collector refuses the device, the pipeline records it in the state directory
 * ({@link AgentState#saveRevocation}) and deletes the spool, whose reports would never be accepted. A
 * pipeline over a revoked state directory observes, spools and sends nothing.
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
  /** Set when the collector revoked the device, now or before this pipeline was made. */
  private volatile @Nullable Revocation revocation;

  public ReportingPipeline(String device, ProbeSource probes, Clock clock, AgentState state, AgentConfig local,
      CollectorConnection connection, SectionFiller.Factory fillers, LinkTiming.Source timing) {
    this.device = requireNonNull(device, "device");
    this.probes = requireNonNull(probes, "probes");
    this.clock = requireNonNull(clock, "clock");
    this.state = requireNonNull(state, "state");
    this.local = requireNonNull(local, "local");
    this.connection = requireNonNull(connection, "connection");
    this.fillers = requireNonNull(fillers, "fillers");
    this.revocation = state.revocation().orElse(null);
    RemoteConfig remote = state.remoteConfig();
    this.settings = Settings.of(local, remote);
    this.spool = new Spool(state.spoolDir(), settings.spoolMaxBytes(), device);
    this.filler = fillers.create(settings.privacyMode(), state.identifierKey().orElse(new byte[0]));
    this.composer = new ReportComposer(io.telltale.agent.AgentVersion.current());
    this.reporter = new Reporter(device, spool, connection, clock, timing, () -> settings.configVersion(),
        new Listener(), new Backoff(() -> ThreadLocalRandom.current().nextDouble()));
    probes.restrictTo(enabledProbes());
  }

  /** Observes the device now and spools the report; returns its sequence number (-1, doing nothing, once revoked). */
  public long observe() {
    if (revocation != null) {
      return -1;
    }
    Instant now = clock.now();
    Observations obs = probes.observe(now, true);
    ActivityRecord activity = probes.drainActivity(now);
    Settings s = settings;
    ReportComposer.Composed c = composer.compose(obs, activity, filler, s.configVersion(), s.fullInventoryInterval());
    return spool.append(c.kind(), seq -> c.report().setSequence(seq).build().toByteArray());
  }

  /** Sends what the spool holds, then renews the certificate if asked to or if it expires soon. */
  public DeliveryOutcome deliver() {
    Revocation earlier = revocation;
    if (earlier != null) {
      return new DeliveryOutcome.Revoked(earlier.reason());
    }
    DeliveryOutcome outcome = reporter.deliver();
    if (outcome instanceof DeliveryOutcome.Revoked r) {
      recordRevocation(r.reason());
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
    return revocation != null;
  }

  /** The collector's revocation of this device, if it revoked it. */
  public Optional<Revocation> revocation() {
    return Optional.ofNullable(revocation);
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

  /**
   * Records the revocation durably, then deletes the spool: its reports would never be accepted, and they are
   * about an employee the company stopped wanting data about. Failures are logged; reporting stops either way.
   */
  private void recordRevocation(String reason) {
    String id;
    try {
      id = state.deviceId(); // `device` is a log prefix: the simulator's devices go by host name
    } catch (RuntimeException e) {
      id = device;
    }
    Revocation r = new Revocation(id, clock.now(), connection.address().toString(), reason);
    revocation = r;
    String recorded;
    try {
      state.saveRevocation(r);
      recorded = "revocation recorded in " + state.revocationFile() + "; ";
    } catch (RuntimeException e) {
      recorded = "";
      logger.warn("{} - could not record the revocation ({}); the next start will send one report and be "
          + "refused again", device, e.getMessage());
    }
    int queued;
    try {
      queued = spool.size();
    } catch (RuntimeException e) {
      queued = -1;
    }
    spool.close();
    try {
      state.deleteSpool();
      logger.info("{} - {}deleted the spool ({} reports never to be delivered)", device, recorded,
          queued < 0 ? "unreadable" : queued);
    } catch (RuntimeException e) {
      logger.warn("{} - could not delete the spool of the revoked device: {}", device, e.getMessage());
    }
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
