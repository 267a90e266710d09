package io.telltale.collector.detect;

import java.util.List;
import java.util.Optional;

/**
 * Read access to the fleet's current device state, as detection needs it (implemented over the telemetry
 * store, or in memory). Blocking calls; thread-safe.
 */
public interface FleetView {

  /** The latest known state of a device; empty when it never reported. */
  Optional<DeviceFacts> facts(String deviceId);

  /** Every device that reported at least once. */
  List<String> deviceIds();

  /** The latest state with the sequence of the newest report merged into it; 0 when the view cannot tell. */
  default Optional<Snapshot> snapshot(String deviceId) {
    return facts(deviceId).map(f -> new Snapshot(f, 0));
  }

  /** A device's state as of one of its reports. */
  record Snapshot(DeviceFacts facts, long sequence) {}
}
