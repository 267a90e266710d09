package io.telltale.collector.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * Where an analyst's review of one device stands.
 *
 * @param state "NEW", "INVESTIGATING", "CONFIRMED", "FALSE_POSITIVE" or "CLOSED" (rules live in {@code review})
 * @param assignee username, "" = unassigned
 */
public record TriageRecord(String deviceId, String state, String assignee, Instant updatedAt, String updatedBy) {
  public TriageRecord {
    requireNonNull(deviceId, "deviceId");
    requireNonNull(state, "state");
    requireNonNull(assignee, "assignee");
    requireNonNull(updatedAt, "updatedAt");
    requireNonNull(updatedBy, "updatedBy");
  }
}
