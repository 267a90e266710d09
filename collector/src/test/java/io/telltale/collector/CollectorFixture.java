package io.telltale.collector;

import com.linecorp.armeria.common.SessionProtocol;
import com.linecorp.armeria.server.Server;
import io.telltale.collector.config.CollectorConfig;
import io.telltale.collector.config.CollectorConfigLoader;
import io.telltale.collector.ingest.IngestMetrics;
import io.telltale.collector.ingest.StoredReportListener;
import io.telltale.collector.internal.Clock;
import io.telltale.collector.pki.EnrollmentTokens;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import io.telltale.collector.review.ReviewServices;
import io.telltale.collector.store.TelemetryStore;

/** A collector served on an ephemeral loopback port through the production wiring. */
public final class CollectorFixture implements AutoCloseable {

  public final Collector collector;
  public final Server server;
  public final Clock clock;

  private CollectorFixture(Collector collector, Server server, Clock clock) {
    this.collector = collector;
    this.server = server;
    this.clock = clock;
  }

  /** {@code env} uses the real override names, e.g. TELLTALE_STORE_TYPE; data lives in {@code dataDir}. */
  public static CollectorFixture start(Path dataDir, Map<String, String> env, Clock clock, StoredReportListener listener)
      throws Exception {
    return start(dataDir, env, clock, listener, store -> ReviewServices.Detection.NONE);
  }

  /** As above, with what detection shows the console and API. */
  public static CollectorFixture start(Path dataDir, Map<String, String> env, Clock clock, StoredReportListener listener,
      Function<TelemetryStore, ReviewServices.Detection> detection) throws Exception {
    return start(dataDir, env, clock, listener, detection, 0);
  }

  /** As above, on {@code port} (0: an ephemeral one), e.g. to restart a stopped collector where agents expect it. */
  public static CollectorFixture start(Path dataDir, Map<String, String> env, Clock clock, StoredReportListener listener,
      Function<TelemetryStore, ReviewServices.Detection> detection, int port) throws Exception {
    Map<String, String> all = new HashMap<>(env);
    all.putIfAbsent("TELLTALE_DATA_DIR", dataDir.toString());
    all.putIfAbsent("TELLTALE_SERVER_PORT", "0");
    CollectorConfig config = CollectorConfigLoader.load(null, all);
    Collector collector = Collector.create(config, clock, store -> listener, IngestMetrics.NOOP, detection);
    Server server = CollectorServer.build(collector, port);
    server.start().join();
    collector.fleetJobs().start();
    return new CollectorFixture(collector, server, clock);
  }

  public int port() {
    return server.activeLocalPort(SessionProtocol.HTTPS);
  }

  public String token(Duration validity, int maxUses) {
    return new EnrollmentTokens(collector.store().tokens(), clock).create(validity, maxUses).secret();
  }

  public TestAgent enroll() throws Exception {
    return TestAgent.enroll(port(), collector.ca().certificate(), token(Duration.ofDays(1), 1));
  }

  @Override
  public void close() {
    server.stop().join();
    collector.close();
  }
}
