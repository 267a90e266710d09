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
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * {@link DetectionRepository} on the collector's database (SQLite or PostgreSQL, same SQL). Every ledger
 * write is an upsert that merges (earliest first seen, latest last seen, OR of bitmasks, union of IPs and of
 * session families), so processing a report twice, or reports out of order, leaves the same rows. Verdicts
 * are compared with the locked stored row in the transaction that writes them ({@link #saveVerdicts}).
 * Thread-safe.
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
  private static final String VERDICT_COLUMNS = "device_id, flagged, score, cluster_id, policy_version, computed_at,"
      + " verdict_json";
  private static final String VERDICT = "INSERT INTO detect_verdicts (" + VERDICT_COLUMNS + ") VALUES (?, ?, ?, ?, ?,"
      + " ?, ?) ON CONFLICT (device_id) DO UPDATE SET"
      + " flagged = excluded.flagged, score = excluded.score, cluster_id = excluded.cluster_id,"
      + " policy_version = excluded.policy_version, computed_at = excluded.computed_at,"
      + " verdict_json = excluded.verdict_json";
  private static final String HISTORY = "INSERT INTO detect_verdict_history (device_id, flagged, score,"
      + " policy_version, computed_at, verdict_json) VALUES (?, ?, ?, ?, ?, ?)";
  /** Devices per statement reading or inserting verdicts: well under either driver's parameter limit. */
  private static final int CHUNK = 500;

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

  /**
   * One transaction: lock and read the stored verdicts of the devices (PostgreSQL: {@code FOR UPDATE}, in
   * device order so that collectors saving overlapping rounds do not deadlock; SQLite: the transaction already
   * holds the single write lock), insert the devices that have none ({@code ON CONFLICT DO NOTHING RETURNING}
   * tells which rows this transaction created; a device another collector inserted meanwhile is locked and
   * read as stored), then write every verdict and the history of those whose outcome differs from the one
   * before. A concurrent save of the same device waits for the row lock and compares with what this one
   * stored. Round trips per round: a read, an insert when devices are new, two statement batches.
   */
  @Override
  public List<Verdict> saveVerdicts(List<Verdict> verdicts) {
    if (verdicts.isEmpty()) {
      return List.of();
    }
    // Positions in device order; stable, so a device's verdicts stay in the order given.
    List<Integer> order = new ArrayList<>(IntStream.range(0, verdicts.size()).boxed().toList());
    order.sort(Comparator.comparing(i -> verdicts.get(i).deviceId()));
    return db.inTransaction(c -> {
      LinkedHashMap<String, Verdict> first = new LinkedHashMap<>();
      order.forEach(i -> first.putIfAbsent(verdicts.get(i).deviceId(), verdicts.get(i)));
      Map<String, Verdict> stored = lockStored(c, List.copyOf(first.keySet()));
      List<Verdict> missing = first.values().stream().filter(v -> !stored.containsKey(v.deviceId())).toList();
      Set<String> created = insertNew(c, missing);
      List<String> raced = missing.stream().map(Verdict::deviceId).filter(d -> !created.contains(d)).toList();
      stored.putAll(lockStored(c, raced));
      BitSet changed = new BitSet(verdicts.size());
      try (PreparedStatement latest = c.prepareStatement(VERDICT);
          PreparedStatement history = c.prepareStatement(HISTORY)) {
        int updates = 0;
        for (int i : order) {
          Verdict v = verdicts.get(i);
          boolean isNew = created.remove(v.deviceId()); // the row was inserted with this, its first verdict
          String json = DetectJson.write(v);
          if (!isNew) {
            bindVerdict(latest, 0, v, json);
            latest.addBatch();
            updates++;
          }
          if (isNew || !v.sameOutcome(stored.get(v.deviceId()))) {
            history.setString(1, v.deviceId());
            history.setInt(2, v.flagged() ? 1 : 0);
            history.setInt(3, v.score());
            history.setString(4, v.policyVersion());
            history.setLong(5, v.computedAt().toEpochMilli());
            history.setString(6, json);
            history.addBatch();
            changed.set(i);
          }
          stored.put(v.deviceId(), v);
        }
        if (updates > 0) {
          latest.executeBatch();
        }
        if (!changed.isEmpty()) {
          history.executeBatch();
        }
      }
      return changed.stream().mapToObj(verdicts::get).toList(); // in the order given
    });
  }

  /** The stored verdicts of {@code deviceIds} (sorted), locked for this transaction. */
  private Map<String, Verdict> lockStored(Connection c, List<String> deviceIds) throws SQLException {
    Map<String, Verdict> out = new HashMap<>();
    for (List<String> chunk : chunks(deviceIds)) {
      try (PreparedStatement ps = c.prepareStatement("SELECT device_id, verdict_json FROM detect_verdicts"
          + " WHERE device_id IN (" + placeholders(chunk.size(), "?") + ") ORDER BY device_id"
          + db.dialect().forUpdate())) {
        for (int i = 0; i < chunk.size(); i++) {
          ps.setString(i + 1, chunk.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.put(rs.getString(1), DetectJson.verdict(rs.getString(2)));
          }
        }
      }
    }
    return out;
  }

  /** Inserts the verdicts of devices without a row; returns the devices whose row this inserted. */
  private static Set<String> insertNew(Connection c, List<Verdict> verdicts) throws SQLException {
    Set<String> created = new HashSet<>();
    for (List<Verdict> chunk : chunks(verdicts)) {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO detect_verdicts (" + VERDICT_COLUMNS + ") VALUES "
          + placeholders(chunk.size(), "(?, ?, ?, ?, ?, ?, ?)") + " ON CONFLICT (device_id) DO NOTHING"
          + " RETURNING device_id")) {
        int p = 0;
        for (Verdict v : chunk) {
          p = bindVerdict(ps, p, v, DetectJson.write(v));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            created.add(rs.getString(1));
          }
        }
      }
    }
    return created;
  }

  /** Binds {@link #VERDICT_COLUMNS} after parameter {@code p}; returns the last parameter bound. */
  private static int bindVerdict(PreparedStatement ps, int p, Verdict v, String json) throws SQLException {
    ps.setString(p + 1, v.deviceId());
    ps.setInt(p + 2, v.flagged() ? 1 : 0);
    ps.setInt(p + 3, v.score());
    ps.setString(p + 4, clusterColumn(v));
    ps.setString(p + 5, v.policyVersion());
    ps.setLong(p + 6, v.computedAt().toEpochMilli());
    ps.setString(p + 7, json);
    return p + 7;
  }

  private static String clusterColumn(Verdict v) {
    return v.clusterId() == null ? "" : v.clusterId();
  }

  @Override
  public Map<String, Verdict> replacedVerdicts(Collection<Verdict> held) {
    // The held verdicts as a table joined to the stored ones: only the rows that moved come back, with their JSON.
    // The conditions are DetectionRepository.replaced (a missing cluster is stored as '').
    Map<String, Verdict> byDevice = new LinkedHashMap<>();
    held.forEach(v -> byDevice.put(v.deviceId(), v));
    Map<String, Verdict> out = new HashMap<>();
    if (byDevice.isEmpty()) {
      return out;
    }
    return db.withConnection(c -> {
      for (List<Verdict> chunk : chunks(List.copyOf(byDevice.values()))) {
        try (PreparedStatement ps = c.prepareStatement("WITH held (device_id, computed_at, policy_version, flagged,"
            + " score, cluster_id) AS (VALUES " + placeholders(chunk.size(), "(?, ?, ?, ?, ?, ?)") + ")"
            + " SELECT v.device_id, v.verdict_json FROM detect_verdicts v JOIN held h ON v.device_id = h.device_id"
            + " WHERE v.computed_at <> h.computed_at OR v.policy_version <> h.policy_version"
            + " OR v.flagged <> h.flagged OR v.score <> h.score OR v.cluster_id <> h.cluster_id")) {
          int p = 0;
          for (Verdict v : chunk) {
            ps.setString(++p, v.deviceId());
            ps.setLong(++p, v.computedAt().toEpochMilli());
            ps.setString(++p, v.policyVersion());
            ps.setInt(++p, v.flagged() ? 1 : 0);
            ps.setInt(++p, v.score());
            ps.setString(++p, clusterColumn(v));
          }
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.put(rs.getString(1), DetectJson.verdict(rs.getString(2)));
            }
          }
        }
      }
      return out;
    });
  }

  private static <T> List<List<T>> chunks(List<T> items) {
    List<List<T>> out = new ArrayList<>();
    for (int from = 0; from < items.size(); from += CHUNK) {
      out.add(items.subList(from, Math.min(items.size(), from + CHUNK)));
    }
    return out;
  }

  private static String placeholders(int n, String one) {
    return String.join(", ", Collections.nCopies(n, one));
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
