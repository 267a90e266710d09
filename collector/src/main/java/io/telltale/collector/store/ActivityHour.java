package io.telltale.collector.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * Input counts of one device over one UTC hour (collector-clock corrected); kept after the per-minute rows
 * expire.
 *
 * @param jiggleMinutes minutes whose only input was a periodic jiggle
 * @param activeMinutes minutes with any local, injected or external input events
 */
public record ActivityHour(
    String deviceId,
    Instant hourStart,
    long localEvents,
    long injectedEvents,
    long externalEvents,
    int jiggleMinutes,
    int activeMinutes) {

  public ActivityHour {
    requireNonNull(deviceId, "deviceId");
    requireNonNull(hourStart, "hourStart");
  }
}
