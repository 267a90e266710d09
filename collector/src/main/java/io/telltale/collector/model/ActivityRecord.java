package io.telltale.collector.model;

import java.util.List;

/**
 * Per-minute input counts over a span of minutes. Only minutes with input or jiggling are listed. Counts
 * only: never keys, coordinates or window titles.
 *
 * @param firstMinute first minute covered, in minutes since the epoch (UTC, device clock)
 * @param minutesCovered number of minutes covered, listed or not
 * @param externalSources USB ids ("vvvv:pppp") or names of external input devices, referenced 1-based by
 *     {@link Minute#externalSource()}
 */
public record ActivityRecord(
    long firstMinute, int minutesCovered, List<Minute> minutes, List<String> externalSources) {

  public ActivityRecord {
    minutes = List.copyOf(minutes);
    externalSources = List.copyOf(externalSources);
    if (minutesCovered < 0) {
      throw new IllegalArgumentException("minutesCovered: " + minutesCovered + " (expected: >= 0)");
    }
  }

  public static ActivityRecord empty(long firstMinute) {
    return new ActivityRecord(firstMinute, 0, List.of(), List.of());
  }

  /**
   * Input seen in one minute.
   *
   * @param offset minutes after {@link ActivityRecord#firstMinute()}
   * @param jigglePeriodSeconds period of strictly periodic tiny pointer moves when they were the only input, 0 = none
   * @param externalSource 1-based index into {@link ActivityRecord#externalSources()}, 0 = none or unknown
   */
  public record Minute(
      int offset, int localEvents, int injectedEvents, int externalEvents, int jigglePeriodSeconds, int externalSource) {}
}
