package io.telltale.collector.detect.sql;

import static java.util.Objects.requireNonNull;

import io.telltale.collector.detect.DetectionRepository;
import io.telltale.collector.detect.Evidence;
import io.telltale.collector.detect.EvidenceExtractor;
import io.telltale.collector.detect.EvidenceRecord;
import io.telltale.collector.detect.HourBits;
import io.telltale.collector.detect.KeySighting;
import io.telltale.collector.detect.Link;
import io.telltale.collector.detect.NetworkKey;
import io.telltale.collector.detect.Verdict;
import io.telltale.collector.store.sql.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@link DetectionRepository} on the collector's database (SQLite or PostgreSQL, same SQL). Every write is
 * an upsert that merges (earliest first seen, latest last seen, OR of bitmasks, union of IPs and of session
 * families), so processing a report twice, or reports out of order, leaves the same rows. Thread-safe.
 */
public final class SqlDetectionRepository implements DetectionRepository {

  private static final String EVIDENCE = "INSERT INTO detect_evidence (device_id, signal, item_key, summary,"
      + " detail_json, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (device_id, signal, item_key)"
      + " DO UPDATE SET"
      + " first_seen = CASE WHEN excluded.first_seen < detect_evidence.first_seen THEN excluded.first_seen"
      + "   ELSE detect_evidence.first_seen END,"
      + " summary = CASE WHEN excluded.last_seen >= detect_evidence.last_seen THEN excluded.summary"
      + "   ELSE detect_evidence.summary END,"
      + " detail_json = CASE WHEN excluded.last_seen >= detect_evidence.last_seen THEN excluded.detail_json"
      + "   ELSE detect_evidence.detail_json END,"
      + " last_seen = CASE WHEN excluded.last_seen > detect_evidence.last_seen THEN excluded.last_seen"
      + "   ELSE detect_evidence.last_seen END";
  /**
   * One row per public IP and session family of the hour (row i carries the i-th of each, '' past the end):
   * each row adds at most one element to each set. Families are matched with replace(), not LIKE: a name may
   * hold LIKE's wildcards, and SQLite's LIKE ignores case.
   */
  private static final String HOURS = "INSERT INTO detect_hours (device_id, hour, local_mask, injected_mask,"
      + " external_mask, jiggle_mask, flags, public_ips, session_families) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
      + " ON CONFLICT (device_id, hour) DO UPDATE SET"
      + " local_mask = detect_hours.local_mask | excluded.local_mask,"
      + " injected_mask = detect_hours.injected_mask | excluded.injected_mask,"
      + " external_mask = detect_hours.external_mask | excluded.external_mask,"
      + " jiggle_mask = detect_hours.jiggle_mask | excluded.jiggle_mask,"
      + " flags = detect_hours.flags | excluded.flags,"
      + " public_ips = CASE WHEN excluded.public_ips = '' THEN detect_hours.public_ips"
      + "   WHEN detect_hours.public_ips = '' THEN excluded.public_ips"
      + "   WHEN (',' || detect_hours.public_ips || ',') LIKE ('%,' || excluded.public_ips || ',%')"
      + "   THEN detect_hours.public_ips ELSE detect_hours.public_ips || ',' || excluded.public_ips END,"
      + " session_families = CASE WHEN excluded.session_families = '' THEN detect_hours.session_families"
      + "   WHEN detect_hours.session_families = '' THEN excluded.session_families"
      + "   WHEN replace(',' || detect_hours.session_families || ',', ',' || excluded.session_families || ',', '')"
      + "     <> (',' || detect_hours.session_families || ',') THEN detect_hours.session_families"
      + "   ELSE detect_hours.session_families || ',' || excluded.session_families END";
  private static final String DEVICES = "INSERT INTO detect_devices (device_id, first_seen, last_seen,"
      + " processed_sequence) VALUES (?, ?, ?, ?) ON CONFLICT (device_id) DO UPDATE SET"
      + " first_seen = CASE WHEN excluded.first_seen < detect_devices.first_seen THEN excluded.first_seen"
      + "   ELSE detect_devices.first_seen END,"
      + " last_seen = CASE WHEN excluded.last_seen > detect_devices.last_seen THEN excluded.last_seen"
      + "   ELSE detect_devices.last_seen END,"
      + " processed_sequence = CASE WHEN excluded.processed_sequence > detect_devices.processed_sequence"
      + "   THEN excluded.processed_sequence ELSE detect_devices.processed_sequence END";
  private static final String KEYS = "INSERT INTO detect_key_sightings (device_id, kind, value, first_seen, last_seen)"
      + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (device_id, kind, value) DO UPDATE SET"
      + " first_seen = CASE WHEN excluded.first_seen < detect_key_sightings.first_seen THEN excluded.first_seen"
      + "   ELSE detect_key_sightings.first_seen END,"
      + " last_seen = CASE WHEN excluded.last_seen > detect_key_sightings.last_seen THEN excluded.last_seen"
      + "   ELSE detect_key_sightings.last_seen END";
  private static final String VENUES = "INSERT INTO detect_venues (kind, value, first_seen) VALUES (?, ?, ?)"
      + " ON CONFLICT (kind, value) DO NOTHING";
  private static final String LINKS = "INSERT INTO detect_links (device_a, device_b, kind, value, first_seen,"
      + " last_seen) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (device_a, device_b, kind, value) DO UPDATE SET"
      + " first_seen = CASE WHEN excluded.first_seen < detect_links.first_seen THEN excluded.first_seen"
      + "   ELSE detect_links.first_seen END,"
      + " last_seen = CASE WHEN excluded.last_seen > detect_links.last_seen THEN excluded.last_seen"
      + "   ELSE detect_links.last_seen END";
  private static final String VERDICT = "INSERT INTO detect_verdicts (device_id, flagged, score, cluster_id,"
      + " policy_version, computed_at, verdict_json) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (device_id) DO UPDATE SET"
      + " flagged = excluded.flagged, score = excluded.score, cluster_id = excluded.cluster_id,"
      + " policy_version = excluded.policy_version, computed_at = excluded.computed_at,"
      + " verdict_json = excluded.verdict_json";
  private static final String HISTORY = "INSERT INTO detect_verdict_history (device_id, flagged, score,"
      + " policy_version, computed_at, verdict_json) VALUES (?, ?, ?, ?, ?, ?)";

  private final Database db;

  public SqlDetectionRepository(Database db) {
    this.db = requireNonNull(db, "db");
  }

  @Override
  public void record(List<Contribution> batch) {
    if (batch.isEmpty()) {
      return;
    }
    // One statement per table for the whole batch, each prepared once; rows in batch order.
    db.inTransaction(c -> {
      try (PreparedStatement evidence = c.prepareStatement(EVIDENCE);
          PreparedStatement hours = c.prepareStatement(HOURS);
          PreparedStatement devices = c.prepareStatement(DEVICES);
          PreparedStatement keys = c.prepareStatement(KEYS);
          PreparedStatement venues = c.prepareStatement(VENUES)) {
        int[] rows = new int[5];
        for (Contribution b : batch) {
          add(b, evidence, hours, devices, keys, venues, rows);
        }
        PreparedStatement[] all = {evidence, hours, devices, keys, venues};
        for (int i = 0; i < all.length; i++) {
          if (rows[i] > 0) {
            all[i].executeBatch();
          }
        }
      }
      return null;
    });
  }

  private static void add(Contribution b, PreparedStatement evidence, PreparedStatement hours,
      PreparedStatement devices, PreparedStatement keys, PreparedStatement venues, int[] rows) throws SQLException {
    EvidenceExtractor.Extraction x = b.extraction();
    long seen = x.seenAt().toEpochMilli();
    for (Evidence e : x.evidence()) {
      evidence.setString(1, x.deviceId());
      evidence.setString(2, e.signal());
      evidence.setString(3, e.key());
      evidence.setString(4, e.summary());
      evidence.setString(5, DetectJson.write(e.detail()));
      evidence.setLong(6, seen);
      evidence.setLong(7, seen);
      evidence.addBatch();
      rows[0]++;
    }
    for (HourBits h : x.hours()) {
      List<String> ips = List.copyOf(h.publicIps());
      List<String> families = List.copyOf(h.sessionFamilies());
      for (int i = 0; i < Math.max(1, Math.max(ips.size(), families.size())); i++) {
        hours.setString(1, x.deviceId());
        hours.setLong(2, h.hour().toEpochMilli());
        hours.setLong(3, h.local());
        hours.setLong(4, h.injected());
        hours.setLong(5, h.external());
        hours.setLong(6, h.jiggle());
        hours.setInt(7, h.flags());
        hours.setString(8, i < ips.size() ? ips.get(i) : "");
        hours.setString(9, i < families.size() ? families.get(i) : "");
        hours.addBatch();
        rows[1]++;
      }
    }
    devices.setString(1, x.deviceId());
    devices.setLong(2, seen);
    devices.setLong(3, seen);
    devices.setLong(4, x.sequence());
    devices.addBatch();
    rows[2]++;
    for (NetworkKey k : b.keys()) {
      keys.setString(1, x.deviceId());
      keys.setString(2, k.kind());
      keys.setString(3, k.value());
      keys.setLong(4, seen);
      keys.setLong(5, seen);
      keys.addBatch();
      rows[3]++;
    }
    for (NetworkKey k : b.venueKeys()) {
      venues.setString(1, k.kind());
      venues.setString(2, k.value());
      venues.setLong(3, seen);
      venues.addBatch();
      rows[4]++;
    }
  }

  @Override
  public Optional<SeenSpan> seen(String deviceId) {
    return db.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT first_seen, last_seen, processed_sequence FROM detect_devices WHERE device_id = ?")) {
        ps.setString(1, deviceId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(new SeenSpan(Instant.ofEpochMilli(rs.getLong(1)),
              Instant.ofEpochMilli(rs.getLong(2)), rs.getLong(3))) : Optional.empty();
        }
      }
    });
  }

  @Override
  public java.util.Map<String, Long> processedSequences() {
    return db.withConnection(c -> {
      java.util.Map<String, Long> out = new java.util.HashMap<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT device_id, processed_sequence FROM detect_devices");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getLong(2));
        }
      }
      return out;
    });
  }

  @Override
  public List<EvidenceRecord> evidence(String deviceId, Instant since) {
    return db.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT signal, item_key, summary, detail_json, first_seen,"
          + " last_seen FROM detect_evidence WHERE device_id = ? AND last_seen >= ? ORDER BY signal, item_key")) {
        ps.setString(1, deviceId);
        ps.setLong(2, since.toEpochMilli());
        List<EvidenceRecord> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new EvidenceRecord(new Evidence(rs.getString(1), rs.getString(2), rs.getString(3),
                DetectJson.strings(rs.getString(4))), Instant.ofEpochMilli(rs.getLong(5)),
                Instant.ofEpochMilli(rs.getLong(6))));
          }
        }
        return out;
      }
    });
  }

  @Override
  public List<HourBits> hours(String deviceId, Instant from, Instant to) {
    return db.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT hour, local_mask, injected_mask, external_mask,"
          + " jiggle_mask, flags, public_ips, session_families FROM detect_hours WHERE device_id = ? AND hour >= ?"
          + " AND hour < ? ORDER BY hour")) {
        ps.setString(1, deviceId);
        ps.setLong(2, from.toEpochMilli());
        ps.setLong(3, to.toEpochMilli());
        List<HourBits> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new HourBits(Instant.ofEpochMilli(rs.getLong(1)), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                rs.getLong(5), rs.getInt(6), commaSet(rs.getString(7)), commaSet(rs.getString(8))));
          }
        }
        return out;
      }
    });
  }

  private static Set<String> commaSet(String s) {
    return s.isEmpty() ? Set.of() : new HashSet<>(Arrays.asList(s.split(",")));
  }

  @Override
  public List<KeySighting> sharing(NetworkKey key, Instant from, Instant to) {
    return db.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT device_id, first_seen, last_seen FROM"
          + " detect_key_sightings WHERE kind = ? AND value = ? AND last_seen >= ? AND first_seen <= ?")) {
        ps.setString(1, key.kind());
        ps.setString(2, key.value());
        ps.setLong(3, from.toEpochMilli());
        ps.setLong(4, to.toEpochMilli());
        List<KeySighting> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new KeySighting(rs.getString(1), key, Instant.ofEpochMilli(rs.getLong(2)),
                Instant.ofEpochMilli(rs.getLong(3))));
          }
        }
        return out;
      }
    });
  }

  @Override
  public Set<NetworkKey> venues(Collection<NetworkKey> keys) {
    Set<NetworkKey> out = new HashSet<>();
    if (keys.isEmpty()) {
      return out;
    }
    return db.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM detect_venues WHERE kind = ? AND value = ?")) {
        for (NetworkKey k : new HashSet<>(keys)) {
          ps.setString(1, k.kind());
          ps.setString(2, k.value());
          try (ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
              out.add(k);
            }
          }
        }
      }
      return out;
    });
  }

  @Override
  public void upsertLinks(List<Link> links) {
    db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(LINKS)) {
        for (Link l : links) {
          ps.setString(1, l.deviceA());
          ps.setString(2, l.deviceB());
          ps.setString(3, l.key().kind());
          ps.setString(4, l.key().value());
          ps.setLong(5, l.firstSeen().toEpochMilli());
          ps.setLong(6, l.lastSeen().toEpochMilli());
          ps.addBatch();
        }
        ps.executeBatch();
      }
      return null;
    });
  }

  @Override
  public List<Link> links(String deviceId, Instant since) {
    return db.withConnection(c -> {
      List<Link> out = new ArrayList<>();
      for (String column : List.of("device_a", "device_b")) {
        try (PreparedStatement ps = c.prepareStatement("SELECT device_a, device_b, kind, value, first_seen, last_seen"
            + " FROM detect_links WHERE " + column + " = ? AND last_seen >= ?")) {
          ps.setString(1, deviceId);
          ps.setLong(2, since.toEpochMilli());
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(new Link(rs.getString(1), rs.getString(2), new NetworkKey(rs.getString(3), rs.getString(4)),
                  Instant.ofEpochMilli(rs.getLong(5)), Instant.ofEpochMilli(rs.getLong(6))));
            }
          }
        }
      }
      return out;
    });
  }

  @Override
  public Optional<Verdict> verdict(String deviceId) {
    return db.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT verdict_json FROM detect_verdicts WHERE device_id = ?")) {
        ps.setString(1, deviceId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(DetectJson.verdict(rs.getString(1))) : Optional.empty();
        }
      }
    });
  }

  @Override
  public void saveVerdict(Verdict v, boolean outcomeChanged) {
    saveVerdicts(List.of(new VerdictWrite(v, outcomeChanged)));
  }

  @Override
  public void saveVerdicts(List<VerdictWrite> writes) {
    if (writes.isEmpty()) {
      return;
    }
    db.inTransaction(c -> {
      try (PreparedStatement latest = c.prepareStatement(VERDICT);
          PreparedStatement history = c.prepareStatement(HISTORY)) {
        for (VerdictWrite w : writes) {
          Verdict v = w.verdict();
          String json = DetectJson.write(v);
          latest.setString(1, v.deviceId());
          latest.setInt(2, v.flagged() ? 1 : 0);
          latest.setInt(3, v.score());
          latest.setString(4, v.clusterId() == null ? "" : v.clusterId());
          latest.setString(5, v.policyVersion());
          latest.setLong(6, v.computedAt().toEpochMilli());
          latest.setString(7, json);
          latest.executeUpdate();
          if (w.outcomeChanged()) {
            history.setString(1, v.deviceId());
            history.setInt(2, v.flagged() ? 1 : 0);
            history.setInt(3, v.score());
            history.setString(4, v.policyVersion());
            history.setLong(5, v.computedAt().toEpochMilli());
            history.setString(6, json);
            history.executeUpdate();
          }
        }
      }
      return null;
    });
  }

  @Override
  public List<Verdict> verdicts() {
    return db.withConnection(c -> read(c, "SELECT verdict_json FROM detect_verdicts ORDER BY flagged DESC, score DESC,"
        + " device_id", null));
  }

  @Override
  public List<Verdict> history(String deviceId) {
    return db.withConnection(c -> read(c, "SELECT verdict_json FROM detect_verdict_history WHERE device_id = ?"
        + " ORDER BY computed_at, id", deviceId));
  }

  private static List<Verdict> read(Connection c, String sql, String arg) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      if (arg != null) {
        ps.setString(1, arg);
      }
      List<Verdict> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(DetectJson.verdict(rs.getString(1)));
        }
      }
      return out;
    }
  }
}
