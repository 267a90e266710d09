package io.telltale.collector;

import static java.util.Objects.requireNonNull;

import io.telltale.collector.config.CollectorConfig;
import io.telltale.collector.config.StoreSelector;
import io.telltale.collector.ingest.AgentServiceImpl;
import io.telltale.collector.ingest.DeviceAuthenticator;
import io.telltale.collector.ingest.IngestMetrics;
import io.telltale.collector.ingest.IngestPipeline;
import io.telltale.collector.ingest.StoredReportListener;
import io.telltale.collector.ingest.UploadPacer;
import io.telltale.collector.internal.Clock;
import io.telltale.collector.jobs.FleetJobs;
import io.telltale.collector.jobs.RetentionJob;
import io.telltale.collector.pki.CertificateAuthority;
import io.telltale.collector.pki.DeviceEnrollment;
import io.telltale.collector.review.ReviewServices;
import io.telltale.collector.store.TelemetryStore;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The collector's components, wired in one place (no framework). {@link CollectorServer#configureServices}
 * exposes them on the network; {@code serve}, {@code demo} and the tests all build them here.
 */
public final class Collector implements AutoCloseable {

  /** Name of the leader election all fleet-wide jobs share. */
  public static final String FLEET_JOBS = "fleet-jobs";
  /**
   * Name of the detection sweep's leader election. Its own lock, apart from {@link #FLEET_JOBS}: detection
   * polls it at each sweep on its own thread, and the two may well lead on different collectors.
   */
  public static final String DETECTION_SWEEP = "detection-sweep";

  private final CollectorConfig config;
  private final TelemetryStore store;
  private final CertificateAuthority ca;
  private final CertificateAuthority.ServerIdentity serverIdentity;
  private final DeviceAuthenticator authenticator;
  private final IngestPipeline pipeline;
  private final AgentServiceImpl agentService;
  private final FleetJobs fleetJobs;
  private final ReviewServices review;

  private Collector(CollectorConfig config, TelemetryStore store, CertificateAuthority ca, Clock clock,
      Function<TelemetryStore, StoredReportListener> listener, IngestMetrics metrics,
      Function<TelemetryStore, ReviewServices.Detection> detection) {
    this.config = config;
    this.store = store;
    this.ca = ca;
    this.serverIdentity = ca.issueServerIdentity(serverNames(config.server().tlsNames()));
    this.authenticator = new DeviceAuthenticator(ca, store.devices(), clock, config.ingest().authCacheTtl());
    this.pipeline = new IngestPipeline(store.writer(), listener.apply(store), metrics, config.ingest().handOffQueue());
    this.agentService = new AgentServiceImpl(authenticator,
        new DeviceEnrollment(ca, store.devices(), clock, config.pki().clientCertificateValidity()), pipeline,
        new UploadPacer(config.agent().reportIntervalSeconds() * 1000L), store.settings(), config.agent(), ca,
        metrics, clock, config.pki().renewBefore());
    this.fleetJobs = new FleetJobs(store.leaderElection(FLEET_JOBS), config.fleet().leaderPoll());
    fleetJobs.schedule("retention", config.retention().interval(),
        new RetentionJob(store.retention(), config.retention().rawData(), clock));
    this.review = new ReviewServices(store, detection.apply(store), clock, authenticator::invalidate);
  }

  /**
   * Loads or creates the CA (the only file I/O here) and wires everything; the store opens on first use.
   *
   * @param listener builds the detection hand-off from the store ({@code s -> StoredReportListener.NOOP} for none)
   */
  public static Collector create(CollectorConfig config, Clock clock,
      Function<TelemetryStore, StoredReportListener> listener, IngestMetrics metrics) throws IOException {
    requireNonNull(config, "config");
    return create(config, clock, listener, metrics, store -> ReviewServices.Detection.NONE);
  }

  /**
   * As above, with what detection gives the console and API ({@code store -> Detection.NONE} for nothing).
   */
  public static Collector create(CollectorConfig config, Clock clock,
      Function<TelemetryStore, StoredReportListener> listener, IngestMetrics metrics,
      Function<TelemetryStore, ReviewServices.Detection> detection) throws IOException {
    requireNonNull(config, "config");
    CertificateAuthority ca = CertificateAuthority.loadOrCreate(config.pki().dir(), clock);
    TelemetryStore store = StoreSelector.open(config);
    return new Collector(config, store, ca, clock, listener, metrics, detection);
  }

  public CollectorConfig config() {
    return config;
  }

  public TelemetryStore store() {
    return store;
  }

  public CertificateAuthority ca() {
    return ca;
  }

  public CertificateAuthority.ServerIdentity serverIdentity() {
    return serverIdentity;
  }

  public DeviceAuthenticator authenticator() {
    return authenticator;
  }

  public AgentServiceImpl agentService() {
    return agentService;
  }

  /** The analyst and administrator use cases behind the console, the REST API and the CLI. */
  public ReviewServices review() {
    return review;
  }

  /** Where other components schedule fleet-wide periodic work. Call {@link FleetJobs#start()} once serving. */
  public FleetJobs fleetJobs() {
    return fleetJobs;
  }

  private static List<String> serverNames(List<String> configured) {
    if (!configured.isEmpty()) {
      return configured;
    }
    List<String> names = new ArrayList<>(List.of("localhost", "127.0.0.1", "::1"));
    try {
      String host = InetAddress.getLocalHost().getHostName();
      if (!names.contains(host)) {
        names.add(host);
      }
    } catch (IOException e) { // no resolvable host name: the loopback names still work
      names.add("telltale-collector");
    }
    return names;
  }

  /** Stops jobs, drains the hand-off, then closes the store (which commits or fails what is queued). */
  @Override
  public void close() {
    fleetJobs.close();
    pipeline.close();
    store.close();
  }
}
