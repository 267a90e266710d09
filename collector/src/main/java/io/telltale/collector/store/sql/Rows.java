package io.telltale.collector.store.sql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Small JDBC helpers: binding parameters and mapping rows. */
final class Rows {

  private Rows() {}

  @FunctionalInterface
  interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  static void bind(PreparedStatement ps, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      Object p = params[i];
      if (p instanceof Instant t) {
        ps.setLong(i + 1, t.toEpochMilli());
      } else if (p instanceof NullLong) {
        ps.setNull(i + 1, Types.BIGINT);
      } else {
        ps.setObject(i + 1, p);
      }
    }
  }

  /** A typed SQL NULL for a BIGINT parameter. */
  enum NullLong {
    INSTANCE
  }

  static Object instantOrNull(@Nullable Instant t) {
    return t == null ? NullLong.INSTANCE : t;
  }

  static <T> List<T> list(PreparedStatement ps, RowMapper<T> mapper) throws SQLException {
    List<T> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(mapper.map(rs));
      }
    }
    return List.copyOf(out);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    return Instant.ofEpochMilli(rs.getLong(column));
  }

  static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(v);
  }
}
