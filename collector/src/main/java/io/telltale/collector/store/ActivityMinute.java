package io.telltale.collector.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * Input counts of one device in one minute (collector-clock corrected), kept for the retention period.
 *
 * @param externalSource USB id or name of the external device, "" when none or unknown
 */
public record ActivityMinute(
    String deviceId,
    Instant minute,
    int localEvents,
    int injectedEvents,
    int externalEvents,
    int jigglePeriodSeconds,
    String externalSource) {

  public ActivityMinute {
    requireNonNull(deviceId, "deviceId");
    requireNonNull(minute, "minute");
    requireNonNull(externalSource, "externalSource");
  }
}
