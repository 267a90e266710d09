package io.telltale.agent.transport;

import java.util.concurrent.atomic.AtomicLong;

/** Counters of one device's delivery; read from any thread. */
public final class DeliveryStats {
  final AtomicLong delivered = new AtomicLong();
  final AtomicLong duplicates = new AtomicLong();
  final AtomicLong failures = new AtomicLong();
  final AtomicLong rejected = new AtomicLong();

  /** Reports the collector acknowledged (duplicates included). */
  public long delivered() {
    return delivered.get();
  }

  /** Acknowledgements that said the report was already stored. */
  public long duplicates() {
    return duplicates.get();
  }

  /** Failed send attempts (the report stayed in the spool). */
  public long failures() {
    return failures.get();
  }

  /** Reports the collector refused as malformed and that were moved aside. */
  public long rejected() {
    return rejected.get();
  }
}
