package io.telltale.agent.transport;

/** What one delivery pass of the spool ended with. */
public sealed interface DeliveryOutcome {

  /** The spool is empty; the collector asked for the next report after {@code nextDelayMs} (0 = interval). */
  record Drained(long nextDelayMs) implements DeliveryOutcome {}

  /** The collector could not take a report now; retry after {@code retryDelayMs}. */
  record RetryLater(long retryDelayMs, String reason) implements DeliveryOutcome {}

  /** The collector refused this device (revoked certificate): reporting stops. */
  record Revoked(String reason) implements DeliveryOutcome {}
}
