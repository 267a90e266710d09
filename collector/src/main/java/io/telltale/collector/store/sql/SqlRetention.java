package io.telltale.collector.store.sql;

import io.telltale.collector.store.Retention;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Deletes expired rows in bounded transactions, so a first run after a long pause does not hold long locks.
 * Raw tables go by {@code received_at} (indexed). Fine-grained tables have no such index; they are cleared
 * a page of devices at a time through their primary key (device id first), which costs an index range per
 * device instead of a scan of the whole table under SQLite's write lock every hour.
 */
final class SqlRetention implements Retention {

  private static final int CHUNK = 5_000;
  /** Devices per transaction for the fine-grained tables. */
  private static final int DEVICE_PAGE = 100;

  /** A fine-grained table, the table listing its devices, and the column its age is read from. */
  private record FineGrained(String table, String devices, String column, Duration length) {}

  private static final List<FineGrained> FINE_GRAINED = List.of(
      // Every report writes its device's state row, so device_state lists every device with sightings.
      new FineGrained("network_sightings", "device_state", "last_seen", Duration.ZERO),
      // Every contribution detection records updates detect_devices in the same transaction.
      new FineGrained("detect_key_sightings", "detect_devices", "last_seen", Duration.ZERO),
      // A row is the hour starting at `hour`: it expires once the whole hour is before the cutoff.
      new FineGrained("detect_hours", "detect_devices", "hour", Duration.ofHours(1)));

  private final Database db;

  SqlRetention(Database db) {
    this.db = db;
  }

  @Override
  public long deleteReceivedBefore(Instant cutoff) {
    long total = 0;
    for (String table : new String[] {"reports", "activity_minutes"}) {
      total += deleteChunked(table, cutoff);
    }
    return total;
  }

  @Override
  public long deleteObservedBefore(Instant cutoff) {
    long total = 0;
    for (FineGrained t : FINE_GRAINED) {
      total += deleteByDevice(t, cutoff.minus(t.length()));
    }
    return total;
  }

  private long deleteChunked(String table, Instant cutoff) {
    String key = table.equals("reports") ? "id" : "device_id, minute";
    // Deleting by key through a bounded sub-select works the same on SQLite and PostgreSQL.
    String sql = "DELETE FROM " + table + " WHERE (" + key + ") IN (SELECT " + key + " FROM " + table
        + " WHERE received_at < ? LIMIT " + CHUNK + ")";
    long total = 0;
    while (true) {
      int n =
          db.inTransaction(
              c -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                  Rows.bind(ps, cutoff);
                  return ps.executeUpdate();
                }
              });
      total += n;
      if (n < CHUNK) {
        return total;
      }
    }
  }

  /** Deletes {@code t}'s rows older than {@code before}, one transaction per page of devices. */
  private long deleteByDevice(FineGrained t, Instant before) {
    String page = "SELECT device_id FROM " + t.devices() + " WHERE device_id > ? ORDER BY device_id LIMIT "
        + DEVICE_PAGE;
    String delete = "DELETE FROM " + t.table() + " WHERE device_id = ? AND " + t.column() + " < ?";
    long total = 0;
    String after = "";
    while (true) {
      String from = after;
      List<String> devices = db.withConnection(c -> SqlAccess.query(c, page, rs -> rs.getString(1), from));
      if (devices.isEmpty()) {
        return total;
      }
      total += db.inTransaction(c -> {
        try (PreparedStatement ps = c.prepareStatement(delete)) {
          for (String device : devices) {
            Rows.bind(ps, device, before);
            ps.addBatch();
          }
          long n = 0;
          for (int count : ps.executeBatch()) {
            n += Math.max(count, 0);
          }
          return n;
        }
      });
      if (devices.size() < DEVICE_PAGE) {
        return total;
      }
      after = devices.get(devices.size() - 1);
    }
  }
}
