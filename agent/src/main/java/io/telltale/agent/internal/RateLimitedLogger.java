package io.telltale.agent.internal;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import org.slf4j.Logger;

/**
 * Logs a recurring problem at WARN at most once per interval (a minute by default): the first occurrence is
 * logged, later ones within the interval are counted, and the next line that gets through says how many were
 * suppressed. Thousands of laptops losing their network must not fill their disks with the same line.
 * Thread-safe.
 */
public final class RateLimitedLogger {

  /** One WARN a minute: enough to see a problem persists, few enough to be harmless for months. */
  public static final long DEFAULT_INTERVAL_MS = 60_000;

  private final Logger logger;
  private final Clock clock;
  private final long intervalMs;
  private long lastLoggedAt = Long.MIN_VALUE;
  private int suppressed;

  public RateLimitedLogger(Logger logger, Clock clock) {
    this(logger, clock, DEFAULT_INTERVAL_MS);
  }

  public RateLimitedLogger(Logger logger, Clock clock, long intervalMs) {
    this.logger = requireNonNull(logger, "logger");
    this.clock = requireNonNull(clock, "clock");
    this.intervalMs = intervalMs;
  }

  /**
   * Logs at WARN unless a line was logged less than the interval ago. Returns whether it logged. The last
   * argument may be a Throwable, as with SLF4J.
   */
  public boolean warn(String format, Object... args) {
    int count;
    synchronized (this) {
      long now = clock.millis();
      if (lastLoggedAt != Long.MIN_VALUE && now - lastLoggedAt < intervalMs) {
        suppressed++;
        return false;
      }
      lastLoggedAt = now;
      count = suppressed;
      suppressed = 0;
    }
    if (count == 0) {
      logger.warn(format, args);
    } else {
      Object[] withCount = Arrays.copyOf(args, args.length + 1);
      // Keep a trailing Throwable last so SLF4J still prints its stack trace.
      if (args.length > 0 && args[args.length - 1] instanceof Throwable t) {
        withCount[args.length - 1] = count;
        withCount[args.length] = t;
      } else {
        withCount[args.length] = count;
      }
      logger.warn(format + " ({} similar lines suppressed)", withCount);
    }
    return true;
  }

  /** Forgets the interval, so the next problem is logged at once (call after a recovery). */
  public synchronized void reset() {
    lastLoggedAt = Long.MIN_VALUE;
    suppressed = 0;
  }

  /** Lines suppressed since the last one logged. */
  public synchronized int suppressed() {
    return suppressed;
  }
}
