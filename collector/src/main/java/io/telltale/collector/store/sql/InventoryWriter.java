package io.telltale.collector.store.sql;

import io.telltale.collector.model.DeviceReport;
import io.telltale.collector.model.ReportKind;
import io.telltale.collector.store.InventoryKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Inventory diffs for one batch: loads the current items of the batch's devices in one query per kind set,
 * applies the reports in sequence order in memory (recording each appearance and disappearance as it
 * happens), and finally writes only the net difference: one batched DELETE, one INSERT and one change-history
 * INSERT for the whole batch, each ordered by key.
 */
final class InventoryWriter {

  private static final String VOLATILE_KINDS = "('" + InventoryKind.SESSION + "', '" + InventoryKind.PUBLIC_IP + "')";

  private record Item(String deviceId, InventoryKind kind, String key) {}

  private record Change(String deviceId, long at, InventoryKind kind, String key, boolean appeared, boolean initial,
      long sequence) {}

  private static final Comparator<Item> ITEM_ORDER = Comparator.comparing(Item::deviceId)
      .thenComparing(Item::kind).thenComparing(Item::key);

  /** Items as stored before the batch, per device and kind (only for the kinds loaded). */
  private final Map<String, Map<InventoryKind, Set<String>>> stored = new HashMap<>();
  /** Items after the reports applied so far. */
  private final Map<String, Map<InventoryKind, Set<String>>> current = new HashMap<>();
  /** Items that appeared during the batch, with the time of their latest appearance. */
  private final Map<Item, Long> appeared = new HashMap<>();
  private final List<Change> changes = new ArrayList<>();

  /**
   * Loads the stored items: every kind for {@code fullDevices} (they have a FULL to diff), only the volatile
   * kinds for the others.
   */
  void load(Connection c, Collection<String> volatileDevices, Collection<String> fullDevices) throws SQLException {
    for (String d : volatileDevices) {
      stored.put(d, new EnumMap<>(InventoryKind.class));
    }
    for (String d : fullDevices) {
      stored.put(d, new EnumMap<>(InventoryKind.class));
    }
    InClause.RowHandler into = rs -> stored.get(rs.getString(1))
        .computeIfAbsent(InventoryKind.valueOf(rs.getString(2)), k -> new HashSet<>()).add(rs.getString(3));
    InClause.forEachRow(c, "SELECT device_id, kind, item_key FROM device_inventory WHERE device_id IN (%s)"
        + " AND kind IN " + VOLATILE_KINDS, InClause.sorted(volatileDevices), into);
    InClause.forEachRow(c, "SELECT device_id, kind, item_key FROM device_inventory WHERE device_id IN (%s)",
        InClause.sorted(fullDevices), into);
    for (Map.Entry<String, Map<InventoryKind, Set<String>>> e : stored.entrySet()) {
      Map<InventoryKind, Set<String>> copy = new EnumMap<>(InventoryKind.class);
      e.getValue().forEach((k, v) -> copy.put(k, new HashSet<>(v)));
      current.put(e.getKey(), copy);
    }
  }

  /**
   * Applies a report that advances its device's state: a FULL diffs every kind it carries, a HEARTBEAT only the
   * volatile ones. The device must have been loaded (with every kind if this is a FULL).
   */
  void apply(DeviceReport r, ReportRowWriter.@Nullable Prior prior, Instant at) {
    Map<InventoryKind, Set<String>> now = InventoryExtractor.extract(r);
    if (r.kind() == ReportKind.HEARTBEAT) {
      now.keySet().removeIf(k -> !k.isVolatile());
    }
    if (now.isEmpty()) {
      return;
    }
    Map<InventoryKind, Set<String>> items = current.get(r.deviceId());
    if (items == null) {
      throw new IllegalStateException("inventory of " + r.deviceId() + " not loaded");
    }
    long atMs = at.toEpochMilli();
    for (Map.Entry<InventoryKind, Set<String>> e : now.entrySet()) {
      InventoryKind kind = e.getKey();
      boolean initial = prior == null || (!kind.isVolatile() && prior.lastFullAt() == null);
      Set<String> old = items.getOrDefault(kind, Set.of());
      for (String key : e.getValue()) {
        if (!old.contains(key)) {
          appeared.put(new Item(r.deviceId(), kind, key), atMs);
          changes.add(new Change(r.deviceId(), atMs, kind, key, true, initial, r.sequence()));
        }
      }
      for (String key : old) {
        if (!e.getValue().contains(key)) {
          changes.add(new Change(r.deviceId(), atMs, kind, key, false, initial, r.sequence()));
        }
      }
      items.put(kind, new HashSet<>(e.getValue()));
    }
  }

  /** Writes the net difference and the change history. */
  void flush(Connection c) throws SQLException {
    TreeMap<Item, Long> inserts = new TreeMap<>(ITEM_ORDER);
    List<Item> deletes = new ArrayList<>();
    for (Map.Entry<String, Map<InventoryKind, Set<String>>> d : current.entrySet()) {
      Map<InventoryKind, Set<String>> before = stored.get(d.getKey());
      for (Map.Entry<InventoryKind, Set<String>> k : d.getValue().entrySet()) {
        Set<String> was = before.getOrDefault(k.getKey(), Set.of());
        for (String key : k.getValue()) {
          Long at = appeared.get(new Item(d.getKey(), k.getKey(), key));
          if (at != null) {
            inserts.put(new Item(d.getKey(), k.getKey(), key), at);
            if (was.contains(key)) { // gone and back within the batch: its first_seen starts again
              deletes.add(new Item(d.getKey(), k.getKey(), key));
            }
          }
        }
        for (String key : was) {
          if (!k.getValue().contains(key)) {
            deletes.add(new Item(d.getKey(), k.getKey(), key));
          }
        }
      }
    }
    deletes.sort(ITEM_ORDER);
    if (!deletes.isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement("DELETE FROM device_inventory WHERE device_id = ? AND kind = ? AND item_key = ?")) {
        for (Item i : deletes) {
          bind(ps, i);
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    if (!inserts.isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO device_inventory (device_id, kind, item_key, first_seen) VALUES (?, ?, ?, ?)"
              + " ON CONFLICT (device_id, kind, item_key) DO NOTHING")) {
        for (Map.Entry<Item, Long> e : inserts.entrySet()) {
          bind(ps, e.getKey());
          ps.setLong(4, e.getValue());
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    if (!changes.isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO device_changes (device_id, at, kind, item_key, appeared, initial, sequence)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        for (Change ch : changes) {
          ps.setString(1, ch.deviceId());
          ps.setLong(2, ch.at());
          ps.setString(3, ch.kind().name());
          ps.setString(4, ch.key());
          ps.setInt(5, ch.appeared() ? 1 : 0);
          ps.setInt(6, ch.initial() ? 1 : 0);
          ps.setLong(7, ch.sequence());
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
  }

  private static void bind(PreparedStatement ps, Item i) throws SQLException {
    ps.setString(1, i.deviceId());
    ps.setString(2, i.kind().name());
    ps.setString(3, i.key());
  }
}
