package io.telltale.collector.store.sql;

import io.telltale.collector.model.DeviceReport;
import io.telltale.collector.model.ReportKind;
import io.telltale.collector.store.InventoryKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Diffs a report's inventory against the device's current items and records what appeared or disappeared. */
final class InventoryWriter {

  private static final String VOLATILE_KINDS = "('" + InventoryKind.SESSION + "', '" + InventoryKind.PUBLIC_IP + "')";

  void diff(Connection c, DeviceReport r, ReportRowWriter.@Nullable Prior prior, Instant at) throws SQLException {
    Map<InventoryKind, Set<String>> now = InventoryExtractor.extract(r);
    if (r.kind() == ReportKind.HEARTBEAT) {
      now.keySet().removeIf(k -> !k.isVolatile());
    }
    if (now.isEmpty()) {
      return;
    }
    Map<InventoryKind, Set<String>> before = current(c, r.deviceId(), r.kind() == ReportKind.HEARTBEAT);
    try (PreparedStatement add =
            c.prepareStatement(
                "INSERT INTO device_inventory (device_id, kind, item_key, first_seen) VALUES (?, ?, ?, ?)"
                    + " ON CONFLICT (device_id, kind, item_key) DO NOTHING");
        PreparedStatement remove =
            c.prepareStatement("DELETE FROM device_inventory WHERE device_id = ? AND kind = ? AND item_key = ?");
        PreparedStatement change =
            c.prepareStatement(
                "INSERT INTO device_changes (device_id, at, kind, item_key, appeared, initial, sequence)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (Map.Entry<InventoryKind, Set<String>> e : now.entrySet()) {
        InventoryKind kind = e.getKey();
        boolean initial = prior == null || (!kind.isVolatile() && prior.lastFullAt() == null);
        Set<String> old = before.getOrDefault(kind, Set.of());
        for (String key : e.getValue()) {
          if (!old.contains(key)) {
            bind(add, r.deviceId(), kind, key);
            add.setLong(4, at.toEpochMilli());
            add.addBatch();
            addChange(change, r, at, kind, key, true, initial);
          }
        }
        for (String key : old) {
          if (!e.getValue().contains(key)) {
            bind(remove, r.deviceId(), kind, key);
            remove.addBatch();
            addChange(change, r, at, kind, key, false, initial);
          }
        }
      }
      add.executeBatch();
      remove.executeBatch();
      change.executeBatch();
    }
  }

  private static Map<InventoryKind, Set<String>> current(Connection c, String deviceId, boolean volatileOnly)
      throws SQLException {
    String sql = "SELECT kind, item_key FROM device_inventory WHERE device_id = ?"
        + (volatileOnly ? " AND kind IN " + VOLATILE_KINDS : "");
    Map<InventoryKind, Set<String>> out = new EnumMap<>(InventoryKind.class);
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, deviceId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.computeIfAbsent(InventoryKind.valueOf(rs.getString(1)), k -> new HashSet<>()).add(rs.getString(2));
        }
      }
    }
    return out;
  }

  private static void bind(PreparedStatement ps, String deviceId, InventoryKind kind, String key)
      throws SQLException {
    ps.setString(1, deviceId);
    ps.setString(2, kind.name());
    ps.setString(3, key);
  }

  private static void addChange(
      PreparedStatement ps, DeviceReport r, Instant at, InventoryKind kind, String key, boolean appeared,
      boolean initial) throws SQLException {
    ps.setString(1, r.deviceId());
    ps.setLong(2, at.toEpochMilli());
    ps.setString(3, kind.name());
    ps.setString(4, key);
    ps.setInt(5, appeared ? 1 : 0);
    ps.setInt(6, initial ? 1 : 0);
    ps.setLong(7, r.sequence());
    ps.addBatch();
  }

}
