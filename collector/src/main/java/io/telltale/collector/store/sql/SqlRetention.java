package io.telltale.collector.store.sql;

import io.telltale.collector.store.Retention;
import java.sql.PreparedStatement;
import java.time.Instant;

/** Deletes expired raw rows, in bounded chunks so a first run after a long pause does not hold long locks. */
final class SqlRetention implements Retention {

  private static final int CHUNK = 5_000;

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
}
