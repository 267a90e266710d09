package io.telltale.collector.jobs;

import static java.util.Objects.requireNonNull;

import io.telltale.collector.internal.Clock;
import io.telltale.collector.store.Retention;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes raw reports and per-minute activity received more than {@code keep} ago. */
public final class RetentionJob implements Runnable {

  private static final Logger logger = LoggerFactory.getLogger(RetentionJob.class);

  private final Retention retention;
  private final Duration keep;
  private final Clock clock;

  public RetentionJob(Retention retention, Duration keep, Clock clock) {
    this.retention = requireNonNull(retention, "retention");
    this.keep = requireNonNull(keep, "keep");
    this.clock = requireNonNull(clock, "clock");
  }

  @Override
  public void run() {
    long deleted = retention.deleteReceivedBefore(clock.now().minus(keep));
    if (deleted > 0) {
      logger.info("retention deleted {} raw rows older than {} days", deleted, keep.toDays());
    }
  }
}
