package io.telltale.collector.ingest;

import static java.util.Objects.requireNonNull;

import io.telltale.collector.internal.NamedThreads;
import io.telltale.collector.internal.RateLimitedLogger;
import io.telltale.collector.model.DeviceReport;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the {@link StoredReportListener} on one named thread behind a bounded queue; drops are counted. */
final class ListenerDispatcher implements AutoCloseable {

  private static final Logger logger = LoggerFactory.getLogger(ListenerDispatcher.class);

  private final StoredReportListener listener;
  private final IngestMetrics metrics;
  private final ThreadPoolExecutor executor;
  private final RateLimitedLogger failures = new RateLimitedLogger(logger);

  ListenerDispatcher(StoredReportListener listener, IngestMetrics metrics, int queueCapacity) {
    this.listener = requireNonNull(listener, "listener");
    this.metrics = requireNonNull(metrics, "metrics");
    this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
        new ArrayBlockingQueue<>(queueCapacity), NamedThreads.daemon("telltale-detect-handoff"),
        new ThreadPoolExecutor.AbortPolicy());
  }

  void dispatch(DeviceReport report) {
    long ackedAt = System.nanoTime();
    try {
      executor.execute(() -> {
        try {
          listener.onStored(report);
        } catch (Throwable t) {
          metrics.listenerFailed();
          failures.warn("{} - detection hand-off failed for sequence {}", report.deviceId(), report.sequence(), t);
        }
        metrics.listenerFinished(System.nanoTime() - ackedAt);
      });
    } catch (RejectedExecutionException e) {
      metrics.handOffDropped();
      failures.warn("{} - detection hand-off queue full; detection reads sequence {} from the store later",
          report.deviceId(), report.sequence());
    }
  }

  @Override
  public void close() {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
        logger.warn("detection hand-off still busy after 10 s; {} queued hand-offs abandoned",
            executor.shutdownNow().size());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
