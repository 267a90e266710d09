package io.telltale.collector.ingest;

import static java.util.Objects.requireNonNull;

import io.telltale.collector.model.DeviceReport;
import io.telltale.collector.store.ReportWriter;
import io.telltale.collector.store.ReportWriter.WriteResult;
import java.util.concurrent.CompletableFuture;

/**
 * The ingest order of STYLE #3, after identification and mapping: durable write (group commit) → the caller
 * acks → {@link #acknowledged} hands new reports to detection off the request thread.
 */
public final class IngestPipeline implements AutoCloseable {

  private final ReportWriter writer;
  private final IngestMetrics metrics;
  private final ListenerDispatcher dispatcher;

  public IngestPipeline(ReportWriter writer, StoredReportListener listener, IngestMetrics metrics, int handOffQueue) {
    this.writer = requireNonNull(writer, "writer");
    this.metrics = requireNonNull(metrics, "metrics");
    this.dispatcher = new ListenerDispatcher(listener, metrics, handOffQueue);
  }

  /**
   * Queues the report for the next commit. The future completes after the commit.
   *
   * @throws io.telltale.collector.store.StoreOverloadedException when the write queue is full
   */
  CompletableFuture<WriteResult> store(DeviceReport report) {
    return writer.write(report);
  }

  /** Called once the ack was sent: counts it and hands a new report to detection. */
  void acknowledged(DeviceReport report, WriteResult result) {
    if (result == WriteResult.DUPLICATE) {
      metrics.reportDuplicate();
      return;
    }
    metrics.reportStored();
    dispatcher.dispatch(report);
  }

  /** Queue fill of the writer, 0..1. */
  double backlog() {
    return (double) writer.pending() / writer.capacity();
  }

  @Override
  public void close() {
    dispatcher.close();
  }
}
