package io.telltale.collector.review;

import static java.util.Objects.requireNonNull;

import io.telltale.collector.store.DeviceRecord;
import io.telltale.collector.store.DeviceState;
import io.telltale.collector.store.TelemetryStore;
import io.telltale.collector.store.TriageRecord;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Finding devices: the device list with verdict, owner and triage joined in, filtered and paged; and one
 * device by id, host name or serial. Readable by every role. Thread-safe; blocks on the store.
 *
 * <p>The list is assembled in memory from one read of each table: a fleet of a few thousand laptops is a
 * few thousand small rows, cheaper than a SQL join across the detection and review tables for each page.
 */
public final class DeviceSearch {

  /** Largest page. */
  public static final int MAX_LIMIT = 500;

  private final TelemetryStore store;
  private final DetectionView detection;

  public DeviceSearch(TelemetryStore store, DetectionView detection) {
    this.store = requireNonNull(store, "store");
    this.detection = requireNonNull(detection, "detection");
  }

  /** A page of devices and the total matching. */
  public record Page(List<DeviceSummary> devices, int total, int offset, int limit) {
    public Page {
      devices = List.copyOf(devices);
    }
  }

  /** Devices matching {@code filter}, highest score first, then by host name. */
  public Page search(Principal who, DeviceFilter filter, int offset, int limit) {
    who.require(Role.VIEWER);
    if (offset < 0) {
      throw ReviewException.invalid("offset: " + offset + " (expected: >= 0)");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ReviewException.invalid("limit: " + limit + " (expected: 1.." + MAX_LIMIT + ")");
    }
    List<DeviceSummary> all = summaries().stream().filter(filter::matches)
        .sorted(Comparator.comparingInt(DeviceSummary::score).reversed()
            .thenComparing(d -> d.hostname().toLowerCase(Locale.ROOT)).thenComparing(DeviceSummary::id))
        .toList();
    int from = Math.min(offset, all.size());
    return new Page(all.subList(from, Math.min(all.size(), from + limit)), all.size(), offset, limit);
  }

  /** Every device's summary, unsorted. */
  public List<DeviceSummary> summaries() {
    List<DeviceRecord> devices = store.devices().list();
    Map<String, DeviceVerdict> verdicts = detection.verdicts();
    Map<String, TriageRecord> triage = store.triage().all().stream()
        .collect(Collectors.toMap(TriageRecord::deviceId, Function.identity()));
    RosterIndex roster = new RosterIndex(store.roster().list());
    Map<String, DeviceState> states = new HashMap<>();
    for (DeviceRecord d : devices) {
      store.queries().deviceState(d.id()).ifPresent(s -> states.put(d.id(), s));
    }
    return devices.stream().map(d -> summary(d, states.get(d.id()), verdicts.get(d.id()), triage.get(d.id()), roster))
        .toList();
  }

  /** One device by id, or by host name or serial when exactly one device has it. */
  public DeviceSummary find(Principal who, String idOrName) {
    who.require(Role.VIEWER);
    String key = idOrName.trim();
    List<DeviceSummary> all = summaries();
    Optional<DeviceSummary> byId = all.stream().filter(d -> d.id().equals(key)).findFirst();
    if (byId.isPresent()) {
      return byId.get();
    }
    List<DeviceSummary> byName = all.stream()
        .filter(d -> d.hostname().equalsIgnoreCase(key) || d.serial().equalsIgnoreCase(key)).toList();
    if (byName.size() > 1) {
      throw new ReviewException(ReviewException.Kind.CONFLICT, "device: '" + key + "' matches " + byName.size()
          + " devices (expected: a device id)");
    }
    return byName.stream().findFirst().orElseThrow(() -> ReviewException.notFound("device", key));
  }

  static DeviceSummary summary(DeviceRecord d, @Nullable DeviceState state, @Nullable DeviceVerdict verdict,
      @Nullable TriageRecord triage,
      RosterIndex roster) {
    String hostname = state != null && state.system() != null ? state.system().hostname() : d.hostname();
    String serial = state != null && state.system() != null ? state.system().hardwareSerial() : d.hardwareSerial();
    var employee = roster.find(serial, hostname);
    return new DeviceSummary(d.id(), hostname, serial, d.osFamily().name().toLowerCase(Locale.ROOT),
        state != null ? state.agentVersion() : d.agentVersion(), d.enrolledAt(), state != null ? state.lastSeen() : null,
        state != null ? state.lastPublicIp() : "", d.revoked(), verdict != null ? verdict.level() : "unevaluated",
        verdict != null ? verdict.score() : 0, verdict != null ? verdict.clusterId() : null,
        employee.map(e -> e.id()).orElse(""), employee.map(e -> e.name()).orElse(""),
        triage != null ? triage.state() : TriageState.NEW.name(), triage != null ? triage.assignee() : "");
  }
}
