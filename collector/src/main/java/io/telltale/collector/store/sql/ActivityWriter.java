package io.telltale.collector.store.sql;

import io.telltale.collector.model.ActivityRecord;
import io.telltale.collector.model.DeviceReport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-minute activity of one batch (collector-clock minutes): one batched INSERT of every minute, then each
 * newly stored minute is added to its hourly aggregate in one batched upsert, so a re-sent minute is never
 * counted twice (also when two reports of the batch cover the same minute: the first one wins, as it would
 * across batches).
 */
final class ActivityWriter {

  private static final String INSERT_MINUTE =
      "INSERT INTO activity_minutes (device_id, minute, local_events, injected_events, external_events,"
          + " jiggle_period_seconds, external_source, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (device_id, minute) DO NOTHING";

  private static final String UPSERT_HOUR =
      "INSERT INTO activity_hours (device_id, hour, local_events, injected_events, external_events,"
          + " jiggle_minutes, active_minutes) VALUES (?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (device_id, hour) DO UPDATE SET"
          + " local_events = activity_hours.local_events + excluded.local_events,"
          + " injected_events = activity_hours.injected_events + excluded.injected_events,"
          + " external_events = activity_hours.external_events + excluded.external_events,"
          + " jiggle_minutes = activity_hours.jiggle_minutes + excluded.jiggle_minutes,"
          + " active_minutes = activity_hours.active_minutes + excluded.active_minutes";

  private record Row(String deviceId, long minute, ActivityRecord.Minute m, String source, long receivedAt) {}

  private record HourKey(String deviceId, long hour) {}

  private static final Comparator<Row> ROW_ORDER = Comparator.comparing(Row::deviceId).thenComparingLong(Row::minute);

  private final List<Row> rows = new ArrayList<>();

  /** Adds the minutes of {@code r}, moved to collector time by the device's clock offset. */
  void add(DeviceReport r, long clockOffsetMs) {
    ActivityRecord a = r.activity();
    if (a == null || a.minutes().isEmpty()) {
      return;
    }
    long shift = Math.round(clockOffsetMs / 60_000.0);
    for (ActivityRecord.Minute m : a.minutes()) {
      rows.add(new Row(r.deviceId(), a.firstMinute() + m.offset() - shift, m, source(a, m),
          r.receivedAt().toEpochMilli()));
    }
  }

  void flush(Connection c) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    rows.sort(ROW_ORDER); // stable: of two rows for one minute, the earlier report's stays first and wins
    int[] inserted;
    try (PreparedStatement ps = c.prepareStatement(INSERT_MINUTE)) {
      for (Row row : rows) {
        ps.setString(1, row.deviceId());
        ps.setLong(2, row.minute());
        ps.setInt(3, row.m().localEvents());
        ps.setInt(4, row.m().injectedEvents());
        ps.setInt(5, row.m().externalEvents());
        ps.setInt(6, row.m().jigglePeriodSeconds());
        ps.setString(7, row.source());
        ps.setLong(8, row.receivedAt());
        ps.addBatch();
      }
      inserted = ps.executeBatch();
    }
    Map<HourKey, long[]> hours = new TreeMap<>(
        Comparator.comparing(HourKey::deviceId).thenComparingLong(HourKey::hour));
    for (int i = 0; i < rows.size(); i++) {
      if (inserted[i] == 0) {
        continue; // already stored by an earlier report: counted then
      }
      Row row = rows.get(i);
      ActivityRecord.Minute m = row.m();
      long[] h = hours.computeIfAbsent(new HourKey(row.deviceId(), Math.floorDiv(row.minute(), 60)), k -> new long[5]);
      h[0] += m.localEvents();
      h[1] += m.injectedEvents();
      h[2] += m.externalEvents();
      h[3] += m.jigglePeriodSeconds() > 0 ? 1 : 0;
      h[4] += m.localEvents() + m.injectedEvents() + m.externalEvents() > 0 ? 1 : 0;
    }
    if (hours.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(UPSERT_HOUR)) {
      for (Map.Entry<HourKey, long[]> e : hours.entrySet()) {
        long[] h = e.getValue();
        ps.setString(1, e.getKey().deviceId());
        ps.setLong(2, e.getKey().hour());
        ps.setLong(3, h[0]);
        ps.setLong(4, h[1]);
        ps.setLong(5, h[2]);
        ps.setInt(6, (int) h[3]);
        ps.setInt(7, (int) h[4]);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static String source(ActivityRecord a, ActivityRecord.Minute m) {
    int i = m.externalSource();
    return i >= 1 && i <= a.externalSources().size() ? a.externalSources().get(i - 1) : "";
  }
}
