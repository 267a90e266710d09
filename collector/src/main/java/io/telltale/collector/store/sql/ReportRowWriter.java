package io.telltale.collector.store.sql;

import io.telltale.collector.model.DeviceReport;
import io.telltale.collector.model.ReportKind;
import io.telltale.collector.model.SystemFacts;
import io.telltale.collector.store.ReportWriter.WriteResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Writes one group-commit batch inside the caller's transaction, one batched statement per table for the
 * whole batch: raw rows (idempotent on device and sequence; a second copy inside the batch is a duplicate
 * too), then for the new reports the merged device state (read for all the batch's devices in one query,
 * row-locked in key order where the dialect can), inventory diffs, activity and sightings. Reports of one
 * device are applied in sequence order; one older than the stored state (a late retry) is kept raw, with its
 * activity and sightings, but changes neither state nor inventory.
 *
 * <p>Not thread-safe: used by the single writer thread.
 */
final class ReportRowWriter {

  private static final String INSERT_RAW =
      "INSERT INTO reports (device_id, sequence, kind, observed_at, received_at, public_ip, payload)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (device_id, sequence) DO NOTHING";

  /** The narrow row every advancing report updates. */
  private static final String UPSERT_STATE =
      "INSERT INTO device_state (device_id, first_seen, last_seen, last_sequence, last_public_ip, last_full_at,"
          + " agent_version, clock_offset_ms, hostname, hardware_serial, power_json, sessions_json, timing_json)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (device_id) DO UPDATE SET last_seen = excluded.last_seen,"
          + " last_sequence = excluded.last_sequence,"
          + " last_public_ip = CASE WHEN excluded.last_public_ip = '' THEN device_state.last_public_ip"
          + "   ELSE excluded.last_public_ip END,"
          + " last_full_at = COALESCE(excluded.last_full_at, device_state.last_full_at),"
          + " agent_version = excluded.agent_version, clock_offset_ms = excluded.clock_offset_ms,"
          + " hostname = CASE WHEN excluded.hostname = '' THEN device_state.hostname ELSE excluded.hostname END,"
          + " hardware_serial = CASE WHEN excluded.hardware_serial = '' THEN device_state.hardware_serial"
          + "   ELSE excluded.hardware_serial END,"
          + " power_json = COALESCE(excluded.power_json, device_state.power_json),"
          + " sessions_json = COALESCE(excluded.sessions_json, device_state.sessions_json),"
          + " timing_json = COALESCE(excluded.timing_json, device_state.timing_json)";

  /** The slow sections, written only by advancing reports that carry one (FULL reports). */
  private static final String UPSERT_SECTIONS =
      "INSERT INTO device_sections (device_id, system_json, software_json, hardware_json, network_json, locale_json)"
          + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (device_id) DO UPDATE SET"
          + " system_json = COALESCE(excluded.system_json, device_sections.system_json),"
          + " software_json = COALESCE(excluded.software_json, device_sections.software_json),"
          + " hardware_json = COALESCE(excluded.hardware_json, device_sections.hardware_json),"
          + " network_json = COALESCE(excluded.network_json, device_sections.network_json),"
          + " locale_json = COALESCE(excluded.locale_json, device_sections.locale_json)";

  private final SqlDialect dialect;
  private final SightingCache sightings;

  ReportRowWriter(SqlDialect dialect, SightingCache sightings) {
    this.dialect = dialect;
    this.sightings = sightings;
  }

  /** Prior state of the device, read (and row-locked where the dialect can) before merging. */
  record Prior(long lastSequence, @Nullable Long lastFullAt, long clockOffsetMs) {}

  /** What a batch did: one result per input report, and what to do once its transaction committed. */
  record Outcome(List<WriteResult> results, Runnable afterCommit) {}

  private record Id(String deviceId, long sequence) {}

  private static final Comparator<DeviceReport> DEVICE_ORDER =
      Comparator.comparing(DeviceReport::deviceId).thenComparingLong(DeviceReport::sequence);

  Outcome write(Connection c, List<DeviceReport> batch) throws SQLException {
    WriteResult[] results = new WriteResult[batch.size()];
    Map<Id, Integer> firstCopy = new HashMap<>();
    List<DeviceReport> unique = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      DeviceReport r = batch.get(i);
      if (firstCopy.putIfAbsent(new Id(r.deviceId(), r.sequence()), i) != null) {
        results[i] = WriteResult.DUPLICATE;
      } else {
        unique.add(r);
      }
    }
    unique.sort(DEVICE_ORDER); // every statement below visits keys in this order: no lock-order deadlocks
    Map<DeviceReport, ReportJson> json = new IdentityHashMap<>();
    for (DeviceReport r : unique) {
      json.put(r, ReportJson.of(r));
    }
    int[] inserted = insertRaw(c, unique, json);
    TreeMap<String, List<DeviceReport>> fresh = new TreeMap<>();
    for (int i = 0; i < unique.size(); i++) {
      DeviceReport r = unique.get(i);
      boolean isNew = inserted[i] != 0;
      results[firstCopy.get(new Id(r.deviceId(), r.sequence()))] = isNew ? WriteResult.STORED : WriteResult.DUPLICATE;
      if (isNew) {
        fresh.computeIfAbsent(r.deviceId(), k -> new ArrayList<>()).add(r);
      }
    }
    Runnable afterCommit = fresh.isEmpty() ? () -> {} : writeNew(c, fresh, json);
    return new Outcome(List.of(results), afterCommit);
  }

  private Runnable writeNew(Connection c, TreeMap<String, List<DeviceReport>> fresh, Map<DeviceReport, ReportJson> json)
      throws SQLException {
    Map<String, Prior> priors = readPriors(c, fresh.keySet());
    Set<String> volatileDevices = new TreeSet<>();
    Set<String> fullDevices = new TreeSet<>();
    fresh.forEach((device, reports) -> {
      Prior p = priors.get(device);
      boolean full = reports.stream().anyMatch(r -> r.kind() == ReportKind.FULL
          && (p == null || r.sequence() > p.lastSequence()));
      (full ? fullDevices : volatileDevices).add(device);
    });
    InventoryWriter inventory = new InventoryWriter();
    inventory.load(c, volatileDevices, fullDevices);
    ActivityWriter activity = new ActivityWriter();
    SightingWriter sighting = new SightingWriter(sightings);
    try (PreparedStatement state = c.prepareStatement(UPSERT_STATE);
        PreparedStatement sections = c.prepareStatement(UPSERT_SECTIONS)) {
      boolean anySections = false;
      for (Map.Entry<String, List<DeviceReport>> e : fresh.entrySet()) {
        Prior prior = priors.get(e.getKey());
        for (DeviceReport r : e.getValue()) { // in sequence order
          long offset = clockOffset(r, prior);
          Instant at = r.observedAt().minusMillis(offset);
          if (prior == null || r.sequence() > prior.lastSequence()) {
            addState(state, r, offset, at);
            anySections |= addSections(sections, r.deviceId(), json.get(r));
            inventory.apply(r, prior, at);
            prior = new Prior(r.sequence(),
                r.kind() == ReportKind.FULL ? Long.valueOf(at.toEpochMilli()) : prior == null ? null : prior.lastFullAt(),
                offset);
          }
          activity.add(r, offset);
          sighting.add(r, at);
        }
      }
      state.executeBatch();
      if (anySections) {
        sections.executeBatch();
      }
    }
    inventory.flush(c);
    activity.flush(c);
    return sighting.flush(c);
  }

  private static long clockOffset(DeviceReport r, @Nullable Prior prior) {
    if (r.timing() != null && r.timing().clockOffsetMs() != null) {
      return r.timing().clockOffsetMs();
    }
    return prior == null ? 0 : prior.clockOffsetMs();
  }

  private static int[] insertRaw(Connection c, List<DeviceReport> reports, Map<DeviceReport, ReportJson> json)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(INSERT_RAW)) {
      for (DeviceReport r : reports) {
        ps.setString(1, r.deviceId());
        ps.setLong(2, r.sequence());
        ps.setString(3, r.kind().name());
        ps.setLong(4, r.observedAt().toEpochMilli());
        ps.setLong(5, r.receivedAt().toEpochMilli());
        ps.setString(6, r.publicIp());
        ps.setString(7, json.get(r).payload());
        ps.addBatch();
      }
      return ps.executeBatch();
    }
  }

  private Map<String, Prior> readPriors(Connection c, Set<String> devices) throws SQLException {
    Map<String, Prior> out = new HashMap<>();
    InClause.forEachRow(c,
        "SELECT device_id, last_sequence, last_full_at, clock_offset_ms FROM device_state WHERE device_id IN (%s)"
            + " ORDER BY device_id" + dialect.forUpdate(),
        InClause.sorted(devices),
        rs -> {
          long fullAt = rs.getLong(3);
          Long full = rs.wasNull() ? null : fullAt;
          out.put(rs.getString(1), new Prior(rs.getLong(2), full, rs.getLong(4)));
        });
    return out;
  }

  private static void addState(PreparedStatement ps, DeviceReport r, long offset, Instant at) throws SQLException {
    SystemFacts sys = r.system();
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
    ps.setString(11, Json.write(r.power()));
    ps.setString(12, Json.write(r.sessions()));
    ps.setString(13, Json.write(r.timing()));
    ps.addBatch();
  }

  private static boolean addSections(PreparedStatement ps, String deviceId, ReportJson json) throws SQLException {
    if (!json.hasSections()) {
      return false;
    }
    ps.setString(1, deviceId);
    ps.setString(2, json.system());
    ps.setString(3, json.software());
    ps.setString(4, json.hardware());
    ps.setString(5, json.network());
    ps.setString(6, json.locale());
    ps.addBatch();
    return true;
  }
}
