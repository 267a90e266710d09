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
}
