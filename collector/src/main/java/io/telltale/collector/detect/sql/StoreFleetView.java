package io.telltale.collector.detect.sql;

import static java.util.Objects.requireNonNull;

import io.telltale.collector.detect.DeviceFacts;
import io.telltale.collector.detect.FleetView;
import io.telltale.collector.model.OsFamily;
import io.telltale.collector.store.DeviceRecord;
import io.telltale.collector.store.DeviceState;
import io.telltale.collector.store.TelemetryStore;
import java.util.List;
import java.util.Optional;

/** Detection's view of the fleet over the telemetry store's current device state. Thread-safe; blocking. */
public final class StoreFleetView implements FleetView {

  private final TelemetryStore store;

  public StoreFleetView(TelemetryStore store) {
    this.store = requireNonNull(store, "store");
  }

  @Override
  public Optional<DeviceFacts> facts(String deviceId) {
    return snapshot(deviceId).map(Snapshot::facts);
  }

  @Override
  public Optional<Snapshot> snapshot(String deviceId) {
    Optional<DeviceState> s = store.queries().deviceState(deviceId);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    DeviceState st = s.get();
    Optional<DeviceRecord> rec = st.system() == null ? store.devices().find(deviceId) : Optional.empty();
    String hostname = st.system() != null ? st.system().hostname() : rec.map(DeviceRecord::hostname).orElse(deviceId);
    String serial = st.system() != null ? st.system().hardwareSerial()
        : rec.map(DeviceRecord::hardwareSerial).orElse("");
    OsFamily os = st.system() != null ? st.system().osFamily() : rec.map(DeviceRecord::osFamily).orElse(OsFamily.UNKNOWN);
    Long offset = st.timing() != null ? st.timing().clockOffsetMs() : null;
    return Optional.of(new Snapshot(new DeviceFacts(deviceId, hostname, serial, os, st.firstSeen(), st.lastSeen(),
        st.lastPublicIp(), offset, st.system(), st.software(), st.hardware(), st.network(), st.locale(), st.power(),
        st.sessions()), st.lastSequence()));
  }

  @Override
  public List<String> deviceIds() {
    return store.devices().list().stream().map(DeviceRecord::id).toList();
  }
}
