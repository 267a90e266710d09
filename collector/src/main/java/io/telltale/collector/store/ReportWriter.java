package io.telltale.collector.store;

import io.telltale.collector.model.DeviceReport;
import java.util.concurrent.CompletableFuture;

/**
 * Durable report writes, batched: one writer thread drains a bounded queue and commits many reports per
 * transaction. Writing a (device, sequence) that is already stored is a no-op that completes with
 * {@link WriteResult#DUPLICATE}.
 */
public interface ReportWriter {

  /**
   * Queues {@code report} and returns a future completed after the transaction holding it committed, or
   * exceptionally with {@link StoreUnavailableException} when the write failed (nothing of it is stored).
   * Never blocks.
   *
   * @throws StoreOverloadedException when the queue is full; nothing was queued
   */
  CompletableFuture<WriteResult> write(DeviceReport report);

  /** Reports queued and not yet committed. */
  int pending();

  /** Bound of the queue. */
  int capacity();

  /** Whether a report was new or already stored. */
  enum WriteResult {
    STORED,
    DUPLICATE
  }
}
