package io.telltale.collector.internal;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A periodic job that never dies: every {@link Throwable} from {@link #runTask()} is counted and logged
 * (rate-limited), and the schedule carries on.
 */
public abstract class ScheduledTask implements Runnable {

  private static final Logger logger = LoggerFactory.getLogger(ScheduledTask.class);

  private final RateLimitedLogger failures = new RateLimitedLogger(logger);
  private final AtomicLong failureCount = new AtomicLong();

  @Override
  public final void run() {
    try {
      runTask();
    } catch (Throwable t) {
      failureCount.incrementAndGet();
      failures.warn("{} failed; will run again at its next time", getClass().getSimpleName(), t);
    }
  }

  /** How many runs threw. */
  public long failureCount() {
    return failureCount.get();
  }

  protected abstract void runTask() throws Exception;

  /** Wraps a plain runnable. */
  public static ScheduledTask of(String name, Runnable body) {
    return new ScheduledTask() {
      @Override
      protected void runTask() {
        body.run();
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }
}
