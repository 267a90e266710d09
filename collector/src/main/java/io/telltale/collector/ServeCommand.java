package io.telltale.collector;

import com.linecorp.armeria.server.Server;
import io.telltale.collector.config.CollectorConfig;
import io.telltale.collector.config.CollectorConfigLoader;
import io.telltale.collector.ingest.IngestMetrics;
import io.telltale.collector.internal.Clock;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code serve}: runs the collector until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve agents (gRPC over mutual TLS) on one port until stopped.")
final class ServeCommand implements Callable<Integer> {

  private static final Logger logger = LoggerFactory.getLogger(ServeCommand.class);

  @Option(names = "--config", paramLabel = "FILE", description = "collector.yml (default: built-in defaults + env)")
  @Nullable Path config;

  @Override
  public Integer call() throws Exception {
    CollectorConfig cfg = CollectorConfigLoader.load(config);
    java.util.concurrent.atomic.AtomicReference<io.telltale.collector.detect.Detection> detection =
        new java.util.concurrent.atomic.AtomicReference<>();
    Collector collector = Collector.create(cfg, Clock.SYSTEM, store -> {
      try {
        detection.set(DetectionWiring.create(cfg.detect(), store, io.telltale.collector.detect.Detection.clock(Clock.SYSTEM)));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return detection.get().engine()::submit;
    }, IngestMetrics.NOOP,
        store -> io.telltale.collector.review.EngineDetection.binding(detection.get().engine(), Clock.SYSTEM));
    Server server = CollectorServer.build(collector, cfg.server().port());
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.stop().join();
      detection.get().close();
      collector.close();
    }, "telltale-shutdown"));
    System.out.println("CA certificate: " + collector.ca().certificateFile().toAbsolutePath());
    System.out.println("CA fingerprint (SHA-256): " + collector.ca().fingerprint());
    var health = collector.store().check();
    if (!health.ok()) {
      logger.warn("store not reachable yet ({}); serving anyway, agents get UNAVAILABLE until it is", health.error());
    }
    server.start().join();
    collector.fleetJobs().start();
    detection.get().start(collector.store().leaderElection(Collector.DETECTION_SWEEP));
    logger.info("serving on port {} ({} store)", server.activeLocalPort(), cfg.store().type());
    System.out.println("Console: https://localhost:" + server.activeLocalPort() + "/");
    if (health.ok()) {
      FirstAdmin.bootstrap(collector, System.out);
    }
    server.whenClosed().join();
    return 0;
  }
}
