package io.telltale.collector.detect;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** A device seen with a network key over a span of time. */
public record KeySighting(String deviceId, NetworkKey key, Instant firstSeen, Instant lastSeen) {
  public KeySighting {
    requireNonNull(deviceId, "deviceId");
    requireNonNull(key, "key");
    requireNonNull(firstSeen, "firstSeen");
    requireNonNull(lastSeen, "lastSeen");
  }
}
