package io.telltale.collector.ingest;

/**
 * Counters of the ingest path. The default does nothing, so components and tests run without a metrics
 * stack. Implementations must be thread-safe and never block.
 */
public interface IngestMetrics {

  IngestMetrics NOOP = new IngestMetrics() {};

  default void reportStored() {}

  default void reportDuplicate() {}

  /** Refused as malformed (INVALID_ARGUMENT). */
  default void reportInvalid() {}

  /** Refused for a missing, foreign or revoked certificate. */
  default void callUnauthorized() {}

  /** Refused with RESOURCE_EXHAUSTED. */
  default void overloaded() {}

  /** Refused with UNAVAILABLE because the store failed. */
  default void storeFailed() {}

  /** A stored report could not be handed to detection (queue full): detection catches up from the store by the device's processed sequence. */
  default void handOffDropped() {}

  /** A {@link StoredReportListener} threw. */
  default void listenerFailed() {}

  /**
   * A {@link StoredReportListener} returned (or threw) for a report, {@code nanosSinceAck} after the report's
   * acknowledgement was handed to the transport: queueing plus the listener's own work.
   */
  default void listenerFinished(long nanosSinceAck) {}
}
