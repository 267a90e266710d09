package io.telltale.collector;

import static java.util.Objects.requireNonNull;

import com.linecorp.armeria.server.Server;
import io.telltale.collector.config.CollectorConfig;
import io.telltale.collector.detect.Detection;
import io.telltale.collector.ingest.IngestMetrics;
import io.telltale.collector.internal.Clock;
import io.telltale.collector.internal.NamedThreads;
import io.telltale.collector.internal.RateLimitedLogger;
import io.telltale.collector.internal.ScheduledTask;
import io.telltale.collector.store.CheckResult;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code serve} runs: the collector on its port, then detection and the first administrator as soon as
 * the database answers. The server starts whatever state the database is in; until it answers, health
 * reports it, agents get UNAVAILABLE (and keep their reports), and the rest is retried every few seconds.
 * Once it answers, detection starts (catching up on the store as after a restart) and, on a store without
 * users, the first administrator is created and its password printed once.
 */
final class Serving implements AutoCloseable {

  private static final Logger logger = LoggerFactory.getLogger(Serving.class);
  /** How often start-up work that needs the database is retried while it does not answer. */
  static final Duration RETRY = Duration.ofSeconds(2);

  private final CollectorConfig config;
  private final Clock clock;
  private final PrintStream out;
  private final DetectionWiring.Files detectionFiles;
  private final DeferredDetection detection;
  private final Collector collector;
  private final Server server;
  private final ScheduledExecutorService retries =
      Executors.newSingleThreadScheduledExecutor(NamedThreads.daemon("telltale-startup"));
  private final RateLimitedLogger waiting = new RateLimitedLogger(logger);
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile boolean adminChecked;

  private Serving(CollectorConfig config, Clock clock, PrintStream out) throws IOException {
    this.config = config;
    this.clock = clock;
    this.out = out;
    // Files first: a broken catalogue or intel file stops start-up with its line, database or not.
    this.detectionFiles = DetectionWiring.readFiles(config.detect());
    this.detection = new DeferredDetection(clock);
    this.collector = Collector.create(config, clock, store -> detection::submit, IngestMetrics.NOOP,
        store -> detection.binding());
    this.server = CollectorServer.build(collector, config.server().port());
  }

  /** Starts serving now; work that needs the database runs now if it answers, else as soon as it does. */
  static Serving start(CollectorConfig config, Clock clock, PrintStream out) throws IOException {
    Serving s = new Serving(requireNonNull(config, "config"), requireNonNull(clock, "clock"),
        requireNonNull(out, "out"));
    s.out.println("CA certificate: " + s.collector.ca().certificateFile().toAbsolutePath());
    s.out.println("CA fingerprint (SHA-256): " + s.collector.ca().fingerprint());
    s.server.start().join();
    s.collector.fleetJobs().start();
    logger.info("serving on port {} ({} store)", s.server.activeLocalPort(), config.store().type());
    s.out.println("Console: https://localhost:" + s.server.activeLocalPort() + "/");
    if (!s.startWhatNeedsTheDatabase()) {
      s.retries.scheduleWithFixedDelay(ScheduledTask.of("start-when-the-database-answers", () -> {
        if (s.startWhatNeedsTheDatabase()) {
          s.retries.shutdown(); // cancels this periodic task
        }
      }), RETRY.toMillis(), RETRY.toMillis(), TimeUnit.MILLISECONDS);
    }
    return s;
  }

  /** Starts detection, then creates the first administrator; true once both are done. Never throws. */
  private synchronized boolean startWhatNeedsTheDatabase() {
    if (closed.get()) {
      return true;
    }
    CheckResult health = collector.store().check();
    if (!health.ok()) {
      waiting.warn("store not reachable ({}); serving anyway: agents get UNAVAILABLE until it is, and detection "
          + "and the first administrator wait for it", health.error());
      return false;
    }
    try {
      if (detection.detection().isEmpty()) {
        Detection d = DetectionWiring.create(detectionFiles, config.detect(), collector.store(),
            Detection.clock(clock));
        detection.started(d.start(collector.store().leaderElection(Collector.DETECTION_SWEEP)));
      }
      if (!adminChecked) {
        FirstAdmin.bootstrap(collector, out);
        adminChecked = true;
      }
      return true;
    } catch (RuntimeException e) {
      waiting.warn("start-up work that needs the store failed; retrying in {}", RETRY, e);
      return false;
    }
  }

  Collector collector() {
    return collector;
  }

  Server server() {
    return server;
  }

  /** Detection once it runs. */
  Optional<Detection> detection() {
    return detection.detection();
  }

  /** Stops serving, then detection, jobs and the store. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    retries.shutdownNow();
    server.stop().join();
    synchronized (this) { // not while a start-up attempt is building detection
      detection.detection().ifPresent(Detection::close);
    }
    collector.close();
  }
}
