package io.telltale.agent.sim;

import io.telltale.agent.sim.Scenario.Change;
import io.telltale.agent.sim.Scenario.Device;
import io.telltale.agent.sim.Scenario.DeviceState;
import io.telltale.agent.sim.Scenario.Network;
import java.time.Duration;
import java.time.Instant;

/** A device's world over scenario time: its state at any instant (changes applied in order), and outages. */
final class DeviceTimeline {

  private final Scenario scenario;
  private final Device device;
  /** Distinct change instants, ascending, and the state from each of them on (index 0: the initial state). */
  private final long[] fromMs;
  private final DeviceState[] states;

  DeviceTimeline(Scenario scenario, Device device) {
    this.scenario = scenario;
    this.device = device;
    java.util.TreeSet<Long> instants = new java.util.TreeSet<>();
    for (Change c : device.changes()) {
      instants.add(at(c.atHour()).toEpochMilli());
    }
    this.fromMs = new long[instants.size() + 1];
    this.states = new DeviceState[instants.size() + 1];
    fromMs[0] = Long.MIN_VALUE;
    states[0] = device.initial();
    int i = 1;
    for (long ms : instants) {
      fromMs[i] = ms;
      states[i++] = apply(Instant.ofEpochMilli(ms));
    }
  }

  Device device() {
    return device;
  }

  Scenario scenario() {
    return scenario;
  }

  private Instant at(double hour) {
    return scenario.start().plus(Duration.ofMillis(Math.round(hour * 3_600_000)));
  }

  /** State at true (scenario) time {@code t}: every change with at_hour <= t applied in file order. */
  DeviceState stateAt(Instant t) {
    return states[segmentAt(t)];
  }

  /** Which stretch of constant state {@code t} falls in: 0 before the first change, i after the i-th instant. */
  int segmentAt(Instant t) {
    int i = java.util.Arrays.binarySearch(fromMs, t.toEpochMilli());
    return i >= 0 ? i : -i - 2;
  }

  /** Where stretch {@code segment} (> 0) begins. */
  Instant segmentStart(int segment) {
    if (segment <= 0) {
      throw new IllegalArgumentException("segment " + segment + ": the initial state has no start");
    }
    return Instant.ofEpochMilli(fromMs[segment]);
  }

  private DeviceState apply(Instant t) {
    DeviceState s = device.initial();
    for (Change c : device.changes()) {
      if (!at(c.atHour()).isAfter(t)) {
        s = c.set().applyTo(s);
      }
    }
    return s;
  }

  /** True while a change's offline_hours says the device cannot reach the collector. */
  boolean offlineAt(Instant t) {
    for (Change c : device.changes()) {
      if (c.offlineHours() > 0 && !at(c.atHour()).isAfter(t) && at(c.atHour() + c.offlineHours()).isAfter(t)) {
        return true;
      }
    }
    return false;
  }

  /** The network the collector sees the device from: the VPN's exit network while a VPN is set. */
  Network exitNetwork(DeviceState s) {
    return scenario.networks().get(s.vpn() != null ? s.vpn().exitNetwork() : s.network());
  }

  Network lan(DeviceState s) {
    return scenario.networks().get(s.network());
  }

  /** Device clock minus true time at {@code t}, in milliseconds. */
  long skewMs(Instant t) {
    return Math.round(stateAt(t).clock().skewSeconds() * 1000);
  }
}
