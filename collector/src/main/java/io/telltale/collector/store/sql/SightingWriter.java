package io.telltale.collector.store.sql;

import io.telltale.collector.model.DeviceReport;
import io.telltale.collector.store.SightingKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Widens each (device, kind, value) sighting span to include a batch's corrected observation times: one span
 * per key for the whole batch, written in one batched upsert ordered by key. A key whose span, as this
 * process last wrote it, already covers the time (or ends less than {@link SightingCache#RESOLUTION_MS}
 * before it) is not written again: most heartbeats repeat the public IP their device was just seen with.
 */
final class SightingWriter {

  private static final String UPSERT =
      "INSERT INTO network_sightings (device_id, kind, value, first_seen, last_seen) VALUES (?, ?, ?, ?, ?)"
          + " ON CONFLICT (device_id, kind, value) DO UPDATE SET"
          + " first_seen = CASE WHEN excluded.first_seen < network_sightings.first_seen"
          + "   THEN excluded.first_seen ELSE network_sightings.first_seen END,"
          + " last_seen = CASE WHEN excluded.last_seen > network_sightings.last_seen"
          + "   THEN excluded.last_seen ELSE network_sightings.last_seen END";

  record Key(String deviceId, SightingKind kind, String value) {}

  private static final Comparator<Key> ORDER = Comparator.comparing(Key::deviceId).thenComparing(Key::kind)
      .thenComparing(Key::value);

  private final SightingCache cache;
  private final Map<Key, long[]> spans = new HashMap<>();

  SightingWriter(SightingCache cache) {
    this.cache = cache;
  }

  void add(DeviceReport r, Instant at) {
    long t = at.toEpochMilli();
    for (SightingExtractor.Key k : SightingExtractor.extract(r)) {
      long[] span = spans.computeIfAbsent(new Key(r.deviceId(), k.kind(), k.value()), x -> new long[] {t, t});
      span[0] = Math.min(span[0], t);
      span[1] = Math.max(span[1], t);
    }
  }

  /** Writes the spans not already covered; returns what to tell the cache once the transaction committed. */
  Runnable flush(Connection c) throws SQLException {
    Map<Key, long[]> writes = new TreeMap<>(ORDER);
    spans.forEach((k, span) -> {
      if (!cache.covers(k, span[0], span[1])) {
        writes.put(k, span);
      }
    });
    if (writes.isEmpty()) {
      return () -> {};
    }
    try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
      for (Map.Entry<Key, long[]> e : writes.entrySet()) {
        ps.setString(1, e.getKey().deviceId());
        ps.setString(2, e.getKey().kind().name());
        ps.setString(3, e.getKey().value());
        ps.setLong(4, e.getValue()[0]);
        ps.setLong(5, e.getValue()[1]);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    return () -> writes.forEach((k, span) -> cache.written(k, span[0], span[1]));
  }
}
