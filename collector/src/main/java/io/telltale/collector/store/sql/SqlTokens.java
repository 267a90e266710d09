package io.telltale.collector.store.sql;

import io.telltale.collector.store.EnrollmentToken;
import io.telltale.collector.store.TokenRepository;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Enrollment tokens in table {@code enrollment_tokens}. */
final class SqlTokens implements TokenRepository {

  static final String COLUMNS = "id, token_hash, created_at, expires_at, max_uses, uses, revoked_at";

  private final Database db;

  SqlTokens(Database db) {
    this.db = db;
  }

  @Override
  public void create(EnrollmentToken t) {
    db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("INSERT INTO enrollment_tokens (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            Rows.bind(ps, t.id(), t.hashHex(), t.createdAt(), t.expiresAt(), t.maxUses(), t.uses(),
                Rows.instantOrNull(t.revokedAt()));
            return ps.executeUpdate();
          }
        });
  }

  @Override
  public List<EnrollmentToken> list() {
    return db.withConnection(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT " + COLUMNS + " FROM enrollment_tokens ORDER BY created_at DESC, id")) {
            return Rows.list(ps, SqlTokens::map);
          }
        });
  }

  @Override
  public boolean revoke(String id, Instant at) {
    return db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE enrollment_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
            Rows.bind(ps, at, id);
            return ps.executeUpdate() == 1;
          }
        });
  }

  static @Nullable EnrollmentToken findByHash(java.sql.Connection c, String hashHex) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + COLUMNS + " FROM enrollment_tokens WHERE token_hash = ?")) {
      ps.setString(1, hashHex);
      List<EnrollmentToken> found = Rows.list(ps, SqlTokens::map);
      return found.isEmpty() ? null : found.get(0);
    }
  }

  static EnrollmentToken map(ResultSet rs) throws SQLException {
    return new EnrollmentToken(
        rs.getString("id"),
        rs.getString("token_hash"),
        Rows.instant(rs, "created_at"),
        Rows.instant(rs, "expires_at"),
        rs.getInt("max_uses"),
        rs.getInt("uses"),
        Rows.nullableInstant(rs, "revoked_at"));
  }
}
