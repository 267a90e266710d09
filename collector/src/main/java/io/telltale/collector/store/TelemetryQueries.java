package io.telltale.collector.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads for detection and review. Blocking calls; thread-safe; results are immutable. */
public interface TelemetryQueries {

  Optional<DeviceState> deviceState(String deviceId);

  /** Stored reports with position greater than {@code afterPosition}, oldest first, at most {@code limit}. */
  List<StoredReport> reportsAfter(long afterPosition, int limit);

  /**
   * Raw reports of one device with sequence in ({@code afterSequence}, {@code beforeSequence}), oldest first;
   * when there are more than {@code limit}, the newest {@code limit} of them. An index lookup.
   */
  List<StoredReport> reportsBetween(String deviceId, long afterSequence, long beforeSequence, int limit);

  /** The sequence of the newest report merged into each device's state, by device id. */
  java.util.Map<String, Long> lastSequences();

  /** Raw reports of one device received in [from, to), oldest first. */
  List<StoredReport> reportsOf(String deviceId, Instant from, Instant to);

  /** Item keys currently present on the device, per kind. */
  List<String> inventory(String deviceId, InventoryKind kind);

  /** Devices that currently have {@code itemKey} of {@code kind}. */
  List<String> devicesWithItem(InventoryKind kind, String itemKey);

  /** Changes of one device observed in [from, to), oldest first. */
  List<InventoryChange> changes(String deviceId, Instant from, Instant to);

  /** Per-minute activity of one device in [from, to), oldest first (only within retention). */
  List<ActivityMinute> activityMinutes(String deviceId, Instant from, Instant to);

  /** Hourly activity of one device with hour start in [from, to), oldest first. */
  List<ActivityHour> activityHours(String deviceId, Instant from, Instant to);

  /** Every key one device was seen with. */
  List<Sighting> sightingsOf(String deviceId);

  /**
   * Devices seen with this key during a span overlapping [from, to): an index lookup on (kind, value).
   */
  List<Sighting> devicesSharing(SightingKind kind, String value, Instant from, Instant to);
}
