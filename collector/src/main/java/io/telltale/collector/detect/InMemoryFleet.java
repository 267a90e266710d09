package io.telltale.collector.detect;

import io.telltale.collector.model.DeviceReport;
import io.telltale.collector.model.OsFamily;
import io.telltale.collector.model.SystemFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Current device state kept in memory by merging reports as the store would (a section replaces the
 * previous one when present; newer observations win). For tests and in-process previews. Thread-safe.
 */
public final class InMemoryFleet implements FleetView {

  private final Map<String, DeviceFacts> facts = new ConcurrentHashMap<>();

  public void merge(DeviceReport r) {
    facts.compute(r.deviceId(), (id, old) -> merge(old, r));
  }

  private static DeviceFacts merge(DeviceFacts o, DeviceReport r) {
    Long offset = r.timing() != null ? r.timing().clockOffsetMs() : null;
    if (o == null) {
      SystemFacts s = r.system();
      return new DeviceFacts(r.deviceId(), s == null ? r.deviceId() : s.hostname(), s == null ? "" : s.hardwareSerial(),
          s == null ? OsFamily.UNKNOWN : s.osFamily(), r.receivedAt(), r.receivedAt(), r.publicIp(), offset, s,
          r.software(), r.hardware(), r.network(), r.locale(), r.power(), r.sessions());
    }
    boolean newer = !r.observedAt().isBefore(o.lastSeen().minusSeconds(1)) || r.receivedAt().isAfter(o.lastSeen());
    if (!newer) {
      return o;
    }
    SystemFacts s = r.system() != null ? r.system() : o.system();
    return new DeviceFacts(o.deviceId(), s == null ? o.hostname() : s.hostname(), s == null ? o.hardwareSerial()
        : s.hardwareSerial(), s == null ? o.os() : s.osFamily(),
        o.firstSeen().isBefore(r.receivedAt()) ? o.firstSeen() : r.receivedAt(),
        o.lastSeen().isAfter(r.receivedAt()) ? o.lastSeen() : r.receivedAt(),
        r.publicIp().isEmpty() ? o.lastPublicIp() : r.publicIp(), offset != null ? offset : o.clockOffsetMs(), s,
        pick(r.software(), o.software()), pick(r.hardware(), o.hardware()), pick(r.network(), o.network()),
        pick(r.locale(), o.locale()), pick(r.power(), o.power()), pick(r.sessions(), o.sessions()));
  }

  private static <T> T pick(T fresh, T old) {
    return fresh != null ? fresh : old;
  }

  @Override
  public Optional<DeviceFacts> facts(String deviceId) {
    return Optional.ofNullable(facts.get(deviceId));
  }

  @Override
  public List<String> deviceIds() {
    return new ArrayList<>(facts.keySet());
  }
}
