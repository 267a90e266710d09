package io.telltale.collector.jobs;

import static java.util.Objects.requireNonNull;

import io.telltale.collector.internal.Clock;
import io.telltale.collector.store.Retention;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what is older than {@code keep}: raw reports and per-minute activity by the time they were
 * received; network sightings, correlation-key sightings and per-hour detection activity by the time they
 * describe. Aggregates stay (see {@link Retention}).
 */
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
    Instant cutoff = clock.now().minus(keep);
    long raw = retention.deleteReceivedBefore(cutoff);
    long fine = retention.deleteObservedBefore(cutoff);
    if (raw + fine > 0) {
      logger.info("retention deleted {} raw and {} fine-grained rows older than {} days", raw, fine, keep.toDays());
    }
  }
}
