package io.telltale.collector.store;

import java.time.Instant;

/** Expiry of raw data. Aggregates (hourly activity, change history, sightings, verdicts) are kept. */
public interface Retention {

  /** Deletes raw reports and per-minute activity received before {@code cutoff}. Returns rows deleted. */
  long deleteReceivedBefore(Instant cutoff);
}
