package io.telltale.collector.store.sql;

import io.telltale.collector.model.DeviceReport;
import io.telltale.collector.model.ReportKind;
import io.telltale.collector.model.SystemFacts;
import io.telltale.collector.store.ReportWriter.WriteResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Writes one report inside the caller's transaction: the raw row (idempotent on device and sequence), then,
 * for a new report, the merged device state, the inventory diff, activity and sightings.
 */
final class ReportRowWriter {

  private static final String INSERT_RAW =
      "INSERT INTO reports (device_id, sequence, kind, observed_at, received_at, public_ip, payload)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (device_id, sequence) DO NOTHING";

  private static final String UPSERT_STATE =
      "INSERT INTO device_state (device_id, first_seen, last_seen, last_sequence, last_public_ip, last_full_at,"
          + " agent_version, clock_offset_ms, hostname, hardware_serial, system_json, software_json,"
          + " hardware_json, network_json, locale_json, power_json, sessions_json, timing_json)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (device_id) DO UPDATE SET last_seen = excluded.last_seen,"
          + " last_sequence = excluded.last_sequence,"
          + " last_public_ip = CASE WHEN excluded.last_public_ip = '' THEN device_state.last_public_ip"
          + "   ELSE excluded.last_public_ip END,"
          + " last_full_at = COALESCE(excluded.last_full_at, device_state.last_full_at),"
          + " agent_version = excluded.agent_version, clock_offset_ms = excluded.clock_offset_ms,"
          + " hostname = CASE WHEN excluded.hostname = '' THEN device_state.hostname ELSE excluded.hostname END,"
          + " hardware_serial = CASE WHEN excluded.hardware_serial = '' THEN device_state.hardware_serial"
          + "   ELSE excluded.hardware_serial END,"
          + " system_json = COALESCE(excluded.system_json, device_state.system_json),"
          + " software_json = COALESCE(excluded.software_json, device_state.software_json),"
          + " hardware_json = COALESCE(excluded.hardware_json, device_state.hardware_json),"
          + " network_json = COALESCE(excluded.network_json, device_state.network_json),"
          + " locale_json = COALESCE(excluded.locale_json, device_state.locale_json),"
          + " power_json = COALESCE(excluded.power_json, device_state.power_json),"
          + " sessions_json = COALESCE(excluded.sessions_json, device_state.sessions_json),"
          + " timing_json = COALESCE(excluded.timing_json, device_state.timing_json)";

  private final SqlDialect dialect;
  private final InventoryWriter inventory = new InventoryWriter();
  private final ActivityWriter activity = new ActivityWriter();

  ReportRowWriter(SqlDialect dialect) {
    this.dialect = dialect;
  }

  /** Prior state of the device, read (and row-locked where the dialect can) before merging. */
  record Prior(long lastSequence, @Nullable Long lastFullAt, long clockOffsetMs) {}

  WriteResult write(Connection c, DeviceReport r) throws SQLException {
    if (!insertRaw(c, r)) {
      return WriteResult.DUPLICATE;
    }
    Prior prior = readPrior(c, r.deviceId());
    long offset = clockOffset(r, prior);
    Instant at = r.observedAt().minusMillis(offset);
    if (prior == null || r.sequence() > prior.lastSequence()) {
      upsertState(c, r, offset, at);
      inventory.diff(c, r, prior, at);
    }
    activity.write(c, r, offset);
    SightingWriter.write(c, r, at);
    return WriteResult.STORED;
  }

  private static long clockOffset(DeviceReport r, @Nullable Prior prior) {
    if (r.timing() != null && r.timing().clockOffsetMs() != null) {
      return r.timing().clockOffsetMs();
    }
    return prior == null ? 0 : prior.clockOffsetMs();
  }

  private static boolean insertRaw(Connection c, DeviceReport r) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(INSERT_RAW)) {
      ps.setString(1, r.deviceId());
      ps.setLong(2, r.sequence());
      ps.setString(3, r.kind().name());
      ps.setLong(4, r.observedAt().toEpochMilli());
      ps.setLong(5, r.receivedAt().toEpochMilli());
      ps.setString(6, r.publicIp());
      ps.setString(7, Json.write(r));
      return ps.executeUpdate() == 1;
    }
  }

  private @Nullable Prior readPrior(Connection c, String deviceId) throws SQLException {
    String sql =
        "SELECT last_sequence, last_full_at, clock_offset_ms FROM device_state WHERE device_id = ?"
            + dialect.forUpdate();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, deviceId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        long fullAt = rs.getLong(2);
        return new Prior(rs.getLong(1), rs.wasNull() ? null : fullAt, rs.getLong(3));
      }
    }
  }

  private static void upsertState(Connection c, DeviceReport r, long offset, Instant at) throws SQLException {
    SystemFacts sys = r.system();
    try (PreparedStatement ps = c.prepareStatement(UPSERT_STATE)) {
      long received = r.receivedAt().toEpochMilli();
      ps.setString(1, r.deviceId());
      ps.setLong(2, received);
      ps.setLong(3, received);
      ps.setLong(4, r.sequence());
      ps.setString(5, r.publicIp());
      if (r.kind() == ReportKind.FULL) {
        ps.setLong(6, at.toEpochMilli());
      } else {
        ps.setNull(6, Types.BIGINT);
      }
      ps.setString(7, r.agentVersion());
      ps.setLong(8, offset);
      ps.setString(9, sys == null ? "" : sys.hostname());
      ps.setString(10, sys == null ? "" : sys.hardwareSerial());
      ps.setString(11, Json.write(sys));
      ps.setString(12, Json.write(r.software()));
      ps.setString(13, Json.write(r.hardware()));
      ps.setString(14, Json.write(r.network()));
      ps.setString(15, Json.write(r.locale()));
      ps.setString(16, Json.write(r.power()));
      ps.setString(17, Json.write(r.sessions()));
      ps.setString(18, Json.write(r.timing()));
      ps.executeUpdate();
    }
  }
}
