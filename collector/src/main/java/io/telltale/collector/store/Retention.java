package io.telltale.collector.store;

import java.time.Instant;

/**
 * Expiry of raw and fine-grained data. Aggregates are kept: hourly activity counts, change history, the
 * detection evidence ledger, links between devices, verdicts and verdict history.
 */
public interface Retention {

  /** Deletes raw reports and per-minute activity received before {@code cutoff}. Returns rows deleted. */
  long deleteReceivedBefore(Instant cutoff);

  /**
   * Deletes fine-grained rows by the time they describe (the device's corrected observation time): network
   * sightings and detection's correlation-key sightings last seen before {@code cutoff}, and detection's
   * per-hour activity rows of hours that ended before it. Returns rows deleted.
   */
  long deleteObservedBefore(Instant cutoff);
}
