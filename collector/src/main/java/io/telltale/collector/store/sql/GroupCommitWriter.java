package io.telltale.collector.store.sql;

import static java.util.Objects.requireNonNull;

import io.telltale.collector.internal.Preconditions;
import io.telltale.collector.internal.RateLimitedLogger;
import io.telltale.collector.model.DeviceReport;
import io.telltale.collector.store.ReportWriter;
import io.telltale.collector.store.StoreOverloadedException;
import io.telltale.collector.store.StoreUnavailableException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: one writer thread drains up to {@code maxBatch} queued reports, writes them in one
 * transaction, commits, and only then completes their futures. One fsync covers the whole batch.
 *
 * <p>When a batch fails for a reason other than a lost connection, its reports are retried one per
 * transaction, so one bad report cannot keep the others out.
 */
final class GroupCommitWriter implements ReportWriter, AutoCloseable {

  private static final Logger logger = LoggerFactory.getLogger(GroupCommitWriter.class);
  /** Recently written sighting spans remembered (about 150 bytes each: ~15 MB); a device has ~15 keys. */
  private static final int SIGHTING_CACHE_ENTRIES = 100_000;

  private record Pending(DeviceReport report, CompletableFuture<WriteResult> future) {}

  private final Database db;
  private final ReportRowWriter rows;
  private final BlockingQueue<Pending> queue;
  private final int capacity;
  private final int maxBatch;
  private final RateLimitedLogger failures = new RateLimitedLogger(logger);
  private final AtomicLong batches = new AtomicLong();
  private final AtomicLong committed = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final Object lifecycle = new Object();
  private @Nullable Thread thread;
  private volatile boolean closed;

  GroupCommitWriter(Database db, int capacity, int maxBatch) {
    Preconditions.checkArgument(capacity >= 1, "capacity: %s (expected: >= 1)", capacity);
    Preconditions.checkArgument(maxBatch >= 1, "maxBatch: %s (expected: >= 1)", maxBatch);
    this.db = requireNonNull(db, "db");
    this.rows = new ReportRowWriter(db.dialect(), new SightingCache(SIGHTING_CACHE_ENTRIES));
    this.capacity = capacity;
    this.maxBatch = maxBatch;
    this.queue = new ArrayBlockingQueue<>(capacity);
  }

  @Override
  public CompletableFuture<WriteResult> write(DeviceReport report) {
    requireNonNull(report, "report");
    if (closed) {
      return CompletableFuture.failedFuture(new StoreUnavailableException("store closed"));
    }
    ensureStarted();
    Pending p = new Pending(report, new CompletableFuture<>());
    if (!queue.offer(p)) {
      throw new StoreOverloadedException(capacity);
    }
    return p.future();
  }

  @Override
  public int pending() {
    return queue.size();
  }

  @Override
  public int capacity() {
    return capacity;
  }

  /** Committed transactions, reports committed in them, and reports whose write failed. */
  long[] stats() {
    return new long[] {batches.get(), committed.get(), failed.get()};
  }

  private void ensureStarted() {
    synchronized (lifecycle) {
      if (thread == null && !closed) {
        thread = new Thread(this::loop, "telltale-store-writer");
        thread.setDaemon(true);
        thread.start();
      }
    }
  }

  private void loop() {
    List<Pending> batch = new ArrayList<>(maxBatch);
    while (!closed || !queue.isEmpty()) {
      try {
        Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, maxBatch - 1);
        writeBatch(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (Throwable t) { // the writer thread must never die: fail this batch and go on
        fail(batch, t);
      } finally {
        batch.clear();
      }
    }
    failRemaining();
  }

  private void writeBatch(List<Pending> batch) {
    ReportRowWriter.Outcome outcome;
    try {
      List<DeviceReport> reports = new ArrayList<>(batch.size());
      for (Pending p : batch) {
        reports.add(p.report());
      }
      outcome = db.inTransaction(c -> rows.write(c, reports));
    } catch (RuntimeException e) {
      if (batch.size() > 1 && !isConnectionLoss(e)) {
        for (Pending p : batch) {
          writeBatch(List.of(p));
        }
      } else {
        fail(batch, e);
      }
      return;
    }
    outcome.afterCommit().run();
    batches.incrementAndGet();
    committed.addAndGet(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).future().complete(outcome.results().get(i));
    }
  }

  private void fail(List<Pending> batch, Throwable cause) {
    failed.addAndGet(batch.size());
    failures.warn("store write of {} report(s) failed; agents will retry: {}", batch.size(), cause.toString());
    StoreUnavailableException e =
        cause instanceof StoreUnavailableException s ? s : new StoreUnavailableException("store write failed", cause);
    for (Pending p : batch) {
      p.future().completeExceptionally(e);
    }
  }

  private void failRemaining() {
    List<Pending> rest = new ArrayList<>();
    queue.drainTo(rest);
    if (!rest.isEmpty()) {
      fail(rest, new StoreUnavailableException("store closed"));
    }
  }

  static boolean isConnectionLoss(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException) {
        return true;
      }
      if (t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("08")) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() {
    Thread t;
    synchronized (lifecycle) {
      closed = true;
      t = thread;
    }
    if (t != null) {
      try {
        t.join(TimeUnit.SECONDS.toMillis(30));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    failRemaining();
  }
}
