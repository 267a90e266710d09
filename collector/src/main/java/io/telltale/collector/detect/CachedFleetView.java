package io.telltale.collector.detect;

import static java.util.Objects.requireNonNull;

import io.telltale.collector.internal.Preconditions;
import io.telltale.collector.model.DeviceReport;
import io.telltale.collector.model.SystemFacts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Detection's working copy of current device state, in front of a {@link FleetView} (the store). Reading
 * and parsing a device's stored sections on every evaluation would cost more than the evaluation itself, so
 * the latest state of up to {@code maxDevices} devices is kept in memory (least recently used go) and
 * advanced with each report detection processes, by the same rules the store applies: a section present in
 * the report replaces the stored one, the public IP unless empty, {@code lastSeen} is the receive time.
 *
 * <p>Only what signals read is kept: software and network inventories (hundreds of items, already turned
 * into evidence by {@link EvidenceExtractor}) are dropped from the cached copy. A report that does not
 * follow the cached sequence (a gap: reports processed elsewhere, or hand-offs dropped) drops the entry,
 * and the next read goes back to the store. Thread-safe.
 */
final class CachedFleetView implements FleetView {

  private final FleetView store;
  private final Map<String, Entry> entries;

  /** A device's state as of {@code sequence} (0 = unknown: the entry is dropped at the next report). */
  private record Entry(DeviceFacts facts, long sequence) {}

  CachedFleetView(FleetView store, int maxDevices) {
    Preconditions.checkArgument(maxDevices >= 1, "maxDevices: %s (expected: >= 1)", maxDevices);
    this.store = requireNonNull(store, "store");
    this.entries = new LinkedHashMap<>(Math.min(maxDevices, 4096), 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
        return size() > maxDevices;
      }
    };
  }

  @Override
  public Optional<DeviceFacts> facts(String deviceId) {
    synchronized (entries) {
      Entry e = entries.get(deviceId);
      if (e != null) {
        return Optional.of(e.facts());
      }
    }
    Optional<Snapshot> loaded = store.snapshot(deviceId);
    if (loaded.isEmpty()) {
      return Optional.empty();
    }
    DeviceFacts facts = slim(loaded.get().facts());
    synchronized (entries) {
      entries.putIfAbsent(deviceId, new Entry(facts, loaded.get().sequence()));
    }
    return Optional.of(facts);
  }

  /**
   * Advances the cached state with a report that is already stored. The store may be ahead of the report
   * (later reports committed before detection got to this one); an entry already at or past the report's
   * sequence is left as it is.
   */
  void apply(DeviceReport r) {
    synchronized (entries) {
      Entry e = entries.get(r.deviceId());
      if (e == null || r.sequence() <= e.sequence()) {
        return; // not cached (the next read loads the stored state, r included), or already included
      }
      if (e.sequence() == 0 || r.sequence() != e.sequence() + 1) {
        entries.remove(r.deviceId()); // cannot tell what the cached copy missed: back to the store
        return;
      }
      entries.put(r.deviceId(), new Entry(merge(e.facts(), r), r.sequence()));
    }
  }

  /** Forgets a device (its state changed in a way the cache did not see). */
  void invalidate(String deviceId) {
    synchronized (entries) {
      entries.remove(deviceId);
    }
  }

  @Override
  public List<String> deviceIds() {
    return store.deviceIds();
  }

  /** The store's merge of one advancing report into current state (ReportRowWriter's upserts). */
  static DeviceFacts merge(DeviceFacts o, DeviceReport r) {
    SystemFacts sys = r.system() != null ? r.system() : o.system();
    Long offset = r.timing() != null ? r.timing().clockOffsetMs() : o.clockOffsetMs();
    return new DeviceFacts(o.deviceId(), hostname(sys, o.hostname()), serial(sys, o.hardwareSerial()),
        sys != null ? sys.osFamily() : o.os(), o.firstSeen(), r.receivedAt(),
        r.publicIp().isEmpty() ? o.lastPublicIp() : r.publicIp(), offset, sys, null,
        pick(r.hardware(), o.hardware()), null, pick(r.locale(), o.locale()), pick(r.power(), o.power()),
        pick(r.sessions(), o.sessions()));
  }

  private static String hostname(@Nullable SystemFacts sys, String fallback) {
    return sys != null ? sys.hostname() : fallback;
  }

  private static String serial(@Nullable SystemFacts sys, String fallback) {
    return sys != null ? sys.hardwareSerial() : fallback;
  }

  private static DeviceFacts slim(DeviceFacts f) {
    return new DeviceFacts(f.deviceId(), f.hostname(), f.hardwareSerial(), f.os(), f.firstSeen(), f.lastSeen(),
        f.lastPublicIp(), f.clockOffsetMs(), f.system(), null, f.hardware(), null, f.locale(), f.power(),
        f.sessions());
  }

  private static <T> @Nullable T pick(@Nullable T fresh, @Nullable T old) {
    return fresh != null ? fresh : old;
  }
}
