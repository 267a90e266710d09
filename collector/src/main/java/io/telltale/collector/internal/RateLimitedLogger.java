package io.telltale.collector.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Logs the first WARN at once, then at most one per interval, with the count of lines suppressed in between.
 * Thread-safe; never blocks.
 */
public final class RateLimitedLogger {

  private static final long DEFAULT_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

  private final Logger logger;
  private final long intervalNanos;
  private final AtomicLong nextAllowedNanos = new AtomicLong(Long.MIN_VALUE);
  private final AtomicLong suppressed = new AtomicLong();

  public RateLimitedLogger(Logger logger) {
    this(logger, DEFAULT_INTERVAL_NANOS);
  }

  RateLimitedLogger(Logger logger, long intervalNanos) {
    this.logger = logger;
    this.intervalNanos = intervalNanos;
  }

  /** Logs at WARN unless a line was logged within the interval; the last argument may be a Throwable. */
  public void warn(String format, Object... args) {
    long now = System.nanoTime();
    long next = nextAllowedNanos.get();
    if ((next != Long.MIN_VALUE && now - next < 0) || !nextAllowedNanos.compareAndSet(next, now + intervalNanos)) {
      suppressed.incrementAndGet();
      return;
    }
    long skipped = suppressed.getAndSet(0);
    if (skipped > 0) {
      logger.warn("({} similar lines suppressed)", skipped);
    }
    logger.warn(format, args);
  }
}
