package io.telltale.collector.store.sql;

import io.telltale.collector.model.DeviceReport;
import io.telltale.collector.model.HardwareFacts;
import io.telltale.collector.model.LocaleFacts;
import io.telltale.collector.model.NetworkFacts;
import io.telltale.collector.model.PowerFacts;
import io.telltale.collector.model.SessionFacts;
import io.telltale.collector.model.SoftwareFacts;
import io.telltale.collector.model.SystemFacts;
import io.telltale.collector.model.Timing;
import io.telltale.collector.store.ActivityHour;
import io.telltale.collector.store.ActivityMinute;
import io.telltale.collector.store.DeviceState;
import io.telltale.collector.store.InventoryChange;
import io.telltale.collector.store.InventoryKind;
import io.telltale.collector.store.Sighting;
import io.telltale.collector.store.SightingKind;
import io.telltale.collector.store.StoredReport;
import io.telltale.collector.store.TelemetryQueries;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Reads over the telemetry tables. Every query is an index lookup on the schema's keys. */
final class SqlQueries implements TelemetryQueries {

  private final Database db;

  SqlQueries(Database db) {
    this.db = db;
  }

  private <T> List<T> query(String sql, Rows.RowMapper<T> mapper, Object... params) {
    return db.withConnection(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            Rows.bind(ps, params);
            return Rows.list(ps, mapper);
          }
        });
  }

  @Override
  public Optional<DeviceState> deviceState(String deviceId) {
    return query("SELECT s.*, x.system_json, x.software_json, x.hardware_json, x.network_json, x.locale_json"
        + " FROM device_state s LEFT JOIN device_sections x ON x.device_id = s.device_id WHERE s.device_id = ?",
        SqlQueries::state, deviceId).stream().findFirst();
  }

  @Override
  public List<StoredReport> reportsAfter(long afterPosition, int limit) {
    return query("SELECT id, payload FROM reports WHERE id > ? ORDER BY id LIMIT ?", SqlQueries::report,
        afterPosition, limit);
  }

  @Override
  public List<StoredReport> reportsBetween(String deviceId, long afterSequence, long beforeSequence, int limit) {
    List<StoredReport> newestFirst = query("SELECT id, payload FROM reports WHERE device_id = ? AND sequence > ?"
        + " AND sequence < ? ORDER BY sequence DESC LIMIT ?", SqlQueries::report, deviceId, afterSequence,
        beforeSequence, limit);
    List<StoredReport> out = new java.util.ArrayList<>(newestFirst);
    java.util.Collections.reverse(out);
    return out;
  }

  @Override
  public java.util.Map<String, Long> lastSequences() {
    java.util.Map<String, Long> out = new java.util.HashMap<>();
    for (Object[] row : query("SELECT device_id, last_sequence FROM device_state",
        rs -> new Object[] {rs.getString(1), rs.getLong(2)})) {
      out.put((String) row[0], (Long) row[1]);
    }
    return out;
  }

  @Override
  public List<StoredReport> reportsOf(String deviceId, Instant from, Instant to) {
    return query(
        "SELECT id, payload FROM reports WHERE device_id = ? AND received_at >= ? AND received_at < ? ORDER BY id",
        SqlQueries::report, deviceId, from, to);
  }

  @Override
  public List<String> inventory(String deviceId, InventoryKind kind) {
    return query("SELECT item_key FROM device_inventory WHERE device_id = ? AND kind = ? ORDER BY item_key",
        rs -> rs.getString(1), deviceId, kind.name());
  }

  @Override
  public List<String> devicesWithItem(InventoryKind kind, String itemKey) {
    return query("SELECT device_id FROM device_inventory WHERE kind = ? AND item_key = ? ORDER BY device_id",
        rs -> rs.getString(1), kind.name(), itemKey);
  }

  @Override
  public List<InventoryChange> changes(String deviceId, Instant from, Instant to) {
    return query(
        "SELECT * FROM device_changes WHERE device_id = ? AND at >= ? AND at < ? ORDER BY at, id",
        rs -> new InventoryChange(rs.getString("device_id"), Rows.instant(rs, "at"),
            InventoryKind.valueOf(rs.getString("kind")), rs.getString("item_key"), rs.getInt("appeared") == 1,
            rs.getInt("initial") == 1, rs.getLong("sequence")),
        deviceId, from, to);
  }

  @Override
  public List<ActivityMinute> activityMinutes(String deviceId, Instant from, Instant to) {
    return query(
        "SELECT * FROM activity_minutes WHERE device_id = ? AND minute >= ? AND minute < ? ORDER BY minute",
        rs -> new ActivityMinute(rs.getString("device_id"), Instant.EPOCH.plus(rs.getLong("minute"), ChronoUnit.MINUTES),
            rs.getInt("local_events"), rs.getInt("injected_events"), rs.getInt("external_events"),
            rs.getInt("jiggle_period_seconds"), rs.getString("external_source")),
        deviceId, ceilDiv(from.toEpochMilli(), 60_000), ceilDiv(to.toEpochMilli(), 60_000));
  }

  @Override
  public List<ActivityHour> activityHours(String deviceId, Instant from, Instant to) {
    return query(
        "SELECT * FROM activity_hours WHERE device_id = ? AND hour >= ? AND hour < ? ORDER BY hour",
        rs -> new ActivityHour(rs.getString("device_id"), Instant.EPOCH.plus(rs.getLong("hour"), ChronoUnit.HOURS),
            rs.getLong("local_events"), rs.getLong("injected_events"), rs.getLong("external_events"),
            rs.getInt("jiggle_minutes"), rs.getInt("active_minutes")),
        deviceId, ceilDiv(from.toEpochMilli(), 3_600_000), ceilDiv(to.toEpochMilli(), 3_600_000));
  }

  @Override
  public List<Sighting> sightingsOf(String deviceId) {
    return query("SELECT * FROM network_sightings WHERE device_id = ? ORDER BY kind, value", SqlQueries::sighting,
        deviceId);
  }

  @Override
  public List<Sighting> devicesSharing(SightingKind kind, String value, Instant from, Instant to) {
    return query(
        "SELECT * FROM network_sightings WHERE kind = ? AND value = ? AND last_seen >= ? AND first_seen < ?"
            + " ORDER BY device_id",
        SqlQueries::sighting, kind.name(), value, from, to);
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }

  private static Sighting sighting(ResultSet rs) throws SQLException {
    return new Sighting(rs.getString("device_id"), SightingKind.valueOf(rs.getString("kind")), rs.getString("value"),
        Rows.instant(rs, "first_seen"), Rows.instant(rs, "last_seen"));
  }

  private static StoredReport report(ResultSet rs) throws SQLException {
    return new StoredReport(rs.getLong(1), Objects.requireNonNull(Json.read(rs.getString(2), DeviceReport.class)));
  }

  private static DeviceState state(ResultSet rs) throws SQLException {
    return new DeviceState(
        rs.getString("device_id"),
        Rows.instant(rs, "first_seen"),
        Rows.instant(rs, "last_seen"),
        rs.getLong("last_sequence"),
        rs.getString("last_public_ip"),
        Rows.nullableInstant(rs, "last_full_at"),
        rs.getString("agent_version"),
        rs.getLong("clock_offset_ms"),
        Json.read(rs.getString("system_json"), SystemFacts.class),
        Json.read(rs.getString("software_json"), SoftwareFacts.class),
        Json.read(rs.getString("hardware_json"), HardwareFacts.class),
        Json.read(rs.getString("network_json"), NetworkFacts.class),
        Json.read(rs.getString("locale_json"), LocaleFacts.class),
        Json.read(rs.getString("power_json"), PowerFacts.class),
        Json.read(rs.getString("sessions_json"), SessionFacts.class),
        Json.read(rs.getString("timing_json"), Timing.class));
  }
}
