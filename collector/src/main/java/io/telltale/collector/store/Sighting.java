package io.telltale.collector.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** A device seen with a network key over a time span (device time corrected by clock offset). */
public record Sighting(String deviceId, SightingKind kind, String value, Instant firstSeen, Instant lastSeen) {
  public Sighting {
    requireNonNull(deviceId, "deviceId");
    requireNonNull(kind, "kind");
    requireNonNull(value, "value");
    requireNonNull(firstSeen, "firstSeen");
    requireNonNull(lastSeen, "lastSeen");
  }
}
