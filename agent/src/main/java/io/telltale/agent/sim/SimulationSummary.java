package io.telltale.agent.sim;

import java.time.Duration;
import java.util.Map;

/**
 * What a simulation run did.
 *
 * @param devices simulated devices
 * @param reportsCreated reports the devices observed and spooled
 * @param reportsSent reports the collector acknowledged (duplicates included)
 * @param duplicates acknowledgements that said "already stored"
 * @param failures failed send attempts (retried)
 * @param undelivered reports still spooled at the end (the collector was unreachable to the last)
 * @param deviceIds host name → device id the collector assigned
 * @param elapsed wall time of the run
 */
public record SimulationSummary(int devices, long reportsCreated, long reportsSent, long duplicates, long failures,
    long undelivered, Map<String, String> deviceIds, Duration elapsed) {

  public SimulationSummary {
    deviceIds = Map.copyOf(deviceIds);
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT,
        "%d devices, %d reports created, %d sent (%d duplicates), %d failed attempts, %d undelivered, in %.1f s",
        devices, reportsCreated, reportsSent, duplicates, failures, undelivered, elapsed.toMillis() / 1000.0);
  }
}
