package io.telltale.collector.store.sql;

import io.telltale.collector.model.DeviceReport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/** Widens each (device, kind, value) sighting span to include the report's corrected observation time. */
final class SightingWriter {

  private static final String UPSERT =
      "INSERT INTO network_sightings (device_id, kind, value, first_seen, last_seen) VALUES (?, ?, ?, ?, ?)"
          + " ON CONFLICT (device_id, kind, value) DO UPDATE SET"
          + " first_seen = CASE WHEN excluded.first_seen < network_sightings.first_seen"
          + "   THEN excluded.first_seen ELSE network_sightings.first_seen END,"
          + " last_seen = CASE WHEN excluded.last_seen > network_sightings.last_seen"
          + "   THEN excluded.last_seen ELSE network_sightings.last_seen END";

  private SightingWriter() {}

  static void write(Connection c, DeviceReport r, Instant at) throws SQLException {
    var keys = SightingExtractor.extract(r);
    if (keys.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
      for (SightingExtractor.Key k : keys) {
        ps.setString(1, r.deviceId());
        ps.setString(2, k.kind().name());
        ps.setString(3, k.value());
        ps.setLong(4, at.toEpochMilli());
        ps.setLong(5, at.toEpochMilli());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }
}
