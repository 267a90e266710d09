package io.telltale.collector.store.sql;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sighting spans this process committed, so a report that only repeats a recent sighting writes nothing.
 * Stored spans only ever widen (nothing narrows or deletes them), so a span remembered here is always
 * contained in the stored one, also when other collectors write the same rows. Bounded (least recently used
 * entries go); a forgotten key is simply written again. Used by the single writer thread only: not
 * thread-safe.
 */
final class SightingCache {

  /**
   * How far behind a span's stored end may lag the newest sighting: 10 minutes, two report intervals. Fleet
   * correlation works on windows of hours to days, and a heartbeat every 5 minutes would otherwise rewrite
   * its public IP's row on every report.
   */
  static final long RESOLUTION_MS = 10 * 60_000L;

  private final Map<SightingWriter.Key, long[]> spans;

  SightingCache(int maxEntries) {
    this.spans = new LinkedHashMap<>(1024, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<SightingWriter.Key, long[]> eldest) {
        return size() > maxEntries;
      }
    };
  }

  /** Whether the stored span of {@code key} already reaches {@code [from, to]} closely enough. */
  boolean covers(SightingWriter.Key key, long from, long to) {
    long[] span = spans.get(key);
    return span != null && from >= span[0] && to < span[1] + RESOLUTION_MS;
  }

  /** Records a committed write of {@code [from, to]}. */
  void written(SightingWriter.Key key, long from, long to) {
    long[] span = spans.get(key);
    if (span == null) {
      spans.put(key, new long[] {from, to});
    } else {
      span[0] = Math.min(span[0], from);
      span[1] = Math.max(span[1], to);
    }
  }
}
