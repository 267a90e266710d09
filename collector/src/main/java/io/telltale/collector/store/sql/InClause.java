package io.telltale.collector.store.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads rows for many keys with {@code ... IN (?, ?, ...)}, in chunks small enough for any driver's parameter
 * limit. Both SQLite and PostgreSQL turn the list into primary-key or index lookups.
 */
final class InClause {

  /** Keys per statement: well under SQLite's and PostgreSQL's parameter limits. */
  static final int CHUNK = 500;

  @FunctionalInterface
  interface RowHandler {
    void row(ResultSet rs) throws SQLException;
  }

  private InClause() {}

  /**
   * Runs {@code sqlTemplate} once per chunk of {@code keys}, with {@code %s} replaced by the placeholders, and
   * hands every row to {@code handler}. Keys are visited in the order given (sorted callers lock in order).
   */
  static void forEachRow(Connection c, String sqlTemplate, List<String> keys, RowHandler handler) throws SQLException {
    for (int from = 0; from < keys.size(); from += CHUNK) {
      List<String> chunk = keys.subList(from, Math.min(keys.size(), from + CHUNK));
      String sql = String.format(sqlTemplate, String.join(", ", Collections.nCopies(chunk.size(), "?")));
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (int i = 0; i < chunk.size(); i++) {
          ps.setString(i + 1, chunk.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            handler.row(rs);
          }
        }
      }
    }
  }

  static List<String> sorted(java.util.Collection<String> keys) {
    List<String> out = new ArrayList<>(keys);
    Collections.sort(out);
    return out;
  }
}
