package io.telltale.collector.store.sql;

import io.telltale.collector.model.ActivityRecord;
import io.telltale.collector.model.DeviceReport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stores per-minute activity (collector-clock minutes) and adds each newly stored minute to its hourly
 * aggregate, so a re-sent minute is never counted twice.
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

  void write(Connection c, DeviceReport r, long clockOffsetMs) throws SQLException {
    ActivityRecord a = r.activity();
    if (a == null || a.minutes().isEmpty()) {
      return;
    }
    long shift = Math.round(clockOffsetMs / 60_000.0);
    List<ActivityRecord.Minute> minutes = a.minutes();
    int[] inserted;
    try (PreparedStatement ps = c.prepareStatement(INSERT_MINUTE)) {
      for (ActivityRecord.Minute m : minutes) {
        ps.setString(1, r.deviceId());
        ps.setLong(2, a.firstMinute() + m.offset() - shift);
        ps.setInt(3, m.localEvents());
        ps.setInt(4, m.injectedEvents());
        ps.setInt(5, m.externalEvents());
        ps.setInt(6, m.jigglePeriodSeconds());
        ps.setString(7, source(a, m));
        ps.setLong(8, r.receivedAt().toEpochMilli());
        ps.addBatch();
      }
      inserted = ps.executeBatch();
    }
    Map<Long, long[]> hours = new TreeMap<>();
    for (int i = 0; i < minutes.size(); i++) {
      if (inserted[i] == 0) {
        continue; // already stored by an earlier report: counted then
      }
      ActivityRecord.Minute m = minutes.get(i);
      long hour = Math.floorDiv(a.firstMinute() + m.offset() - shift, 60);
      long[] h = hours.computeIfAbsent(hour, k -> new long[5]);
      h[0] += m.localEvents();
      h[1] += m.injectedEvents();
      h[2] += m.externalEvents();
      h[3] += m.jigglePeriodSeconds() > 0 ? 1 : 0;
      h[4] += m.localEvents() + m.injectedEvents() + m.externalEvents() > 0 ? 1 : 0;
    }
    try (PreparedStatement ps = c.prepareStatement(UPSERT_HOUR)) {
      for (Map.Entry<Long, long[]> e : hours.entrySet()) {
        long[] h = e.getValue();
        ps.setString(1, r.deviceId());
        ps.setLong(2, e.getKey());
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
