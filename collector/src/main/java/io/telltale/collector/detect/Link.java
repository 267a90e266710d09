package io.telltale.collector.detect;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * Two devices of different employees seen with the same key within the cluster window. Stored with
 * {@code deviceA < deviceB} so each pair and key is kept once.
 */
public record Link(String deviceA, String deviceB, NetworkKey key, Instant firstSeen, Instant lastSeen) {

  public Link {
    requireNonNull(deviceA, "deviceA");
    requireNonNull(deviceB, "deviceB");
    requireNonNull(key, "key");
    requireNonNull(firstSeen, "firstSeen");
    requireNonNull(lastSeen, "lastSeen");
    if (deviceA.compareTo(deviceB) >= 0) {
      throw new IllegalArgumentException("deviceA: " + deviceA + " (expected: < deviceB " + deviceB + ")");
    }
  }

  public static Link of(String x, String y, NetworkKey key, Instant first, Instant last) {
    return x.compareTo(y) < 0 ? new Link(x, y, key, first, last) : new Link(y, x, key, first, last);
  }

  public String other(String deviceId) {
    return deviceA.equals(deviceId) ? deviceB : deviceA;
  }

  public Link merge(Link o) {
    return new Link(deviceA, deviceB, key, firstSeen.isBefore(o.firstSeen) ? firstSeen : o.firstSeen,
        lastSeen.isAfter(o.lastSeen) ? lastSeen : o.lastSeen);
  }
}
