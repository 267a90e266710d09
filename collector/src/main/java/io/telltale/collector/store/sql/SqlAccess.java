package io.telltale.collector.store.sql;

import io.telltale.collector.store.AccessRepository;
import io.telltale.collector.store.ApiTokenRecord;
import io.telltale.collector.store.ConsoleSession;
import io.telltale.collector.store.UserAccount;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Users, API tokens and console sessions in tables {@code users}, {@code api_tokens}, {@code console_sessions}. */
final class SqlAccess implements AccessRepository {

  private static final String USER_COLUMNS =
      "username, role, password_hash, created_at, disabled_at, failed_logins, locked_until";
  private static final String TOKEN_COLUMNS =
      "id, token_hash, name, created_by, role, created_at, expires_at, revoked_at, last_used_at";
  private static final String SESSION_COLUMNS = "id_hash, username, csrf_token, created_at, expires_at";

  private final Database db;

  SqlAccess(Database db) {
    this.db = db;
  }

  @Override
  public boolean createUser(UserAccount u) {
    return db.inTransaction(c -> {
      if (findUser(c, u.username()).isPresent()) {
        return false;
      }
      update(c, "INSERT INTO users (" + USER_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)", u.username(), u.role(),
          u.passwordHash(), u.createdAt(), Rows.instantOrNull(u.disabledAt()), u.failedLogins(),
          Rows.instantOrNull(u.lockedUntil()));
      return true;
    });
  }

  @Override
  public Optional<UserAccount> findUser(String username) {
    return db.withConnection(c -> findUser(c, username));
  }

  @Override
  public List<UserAccount> users() {
    return db.withConnection(c -> query(c, "SELECT " + USER_COLUMNS + " FROM users ORDER BY username",
        SqlAccess::mapUser));
  }

  @Override
  public boolean anyUser() {
    return db.withConnection(c -> !query(c, "SELECT username FROM users LIMIT 1", rs -> rs.getString(1)).isEmpty());
  }

  @Override
  public boolean updateUser(String username, String role, String passwordHash, @Nullable Instant disabledAt) {
    return db.inTransaction(c -> update(c,
        "UPDATE users SET role = ?, password_hash = ?, disabled_at = ? WHERE username = ?", role, passwordHash,
        Rows.instantOrNull(disabledAt), username) == 1);
  }

  @Override
  public Optional<UserAccount> recordLoginFailure(String username, int maxFailures, Instant lockedUntil) {
    return db.inTransaction(c -> {
      // One statement so concurrent failures on several collectors all count.
      update(c, "UPDATE users SET failed_logins = failed_logins + 1 WHERE username = ?", username);
      update(c, "UPDATE users SET failed_logins = 0, locked_until = ? WHERE username = ? AND failed_logins >= ?",
          lockedUntil, username, maxFailures);
      return findUser(c, username);
    });
  }

  @Override
  public void recordLoginSuccess(String username) {
    db.inTransaction(c -> update(c, "UPDATE users SET failed_logins = 0, locked_until = NULL WHERE username = ?",
        username));
  }

  @Override
  public void createApiToken(ApiTokenRecord t) {
    db.inTransaction(c -> update(c, "INSERT INTO api_tokens (" + TOKEN_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        t.id(), t.hashHex(), t.name(), t.createdBy(), t.role(), t.createdAt(), Rows.instantOrNull(t.expiresAt()),
        Rows.instantOrNull(t.revokedAt()), Rows.instantOrNull(t.lastUsedAt())));
  }

  @Override
  public Optional<ApiTokenRecord> findApiTokenByHash(String hashHex) {
    return db.withConnection(c -> first(query(c,
        "SELECT " + TOKEN_COLUMNS + " FROM api_tokens WHERE token_hash = ?", SqlAccess::mapToken, hashHex)));
  }

  @Override
  public List<ApiTokenRecord> apiTokens() {
    return db.withConnection(c -> query(c,
        "SELECT " + TOKEN_COLUMNS + " FROM api_tokens ORDER BY created_at DESC, id", SqlAccess::mapToken));
  }

  @Override
  public boolean revokeApiToken(String id, Instant at) {
    return db.inTransaction(c -> update(c,
        "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", at, id) == 1);
  }

  @Override
  public void touchApiToken(String id, Instant at) {
    db.inTransaction(c -> update(c, "UPDATE api_tokens SET last_used_at = ? WHERE id = ?", at, id));
  }

  @Override
  public void createSession(ConsoleSession s) {
    db.inTransaction(c -> update(c, "INSERT INTO console_sessions (" + SESSION_COLUMNS + ") VALUES (?, ?, ?, ?, ?)",
        s.idHash(), s.username(), s.csrfToken(), s.createdAt(), s.expiresAt()));
  }

  @Override
  public Optional<ConsoleSession> findSession(String idHash) {
    return db.withConnection(c -> first(query(c,
        "SELECT " + SESSION_COLUMNS + " FROM console_sessions WHERE id_hash = ?", SqlAccess::mapSession, idHash)));
  }

  @Override
  public void deleteSession(String idHash) {
    db.inTransaction(c -> update(c, "DELETE FROM console_sessions WHERE id_hash = ?", idHash));
  }

  @Override
  public int deleteSessionsOf(String username) {
    return db.inTransaction(c -> update(c, "DELETE FROM console_sessions WHERE username = ?", username));
  }

  @Override
  public int deleteExpiredSessions(Instant now) {
    return db.inTransaction(c -> update(c, "DELETE FROM console_sessions WHERE expires_at <= ?", now));
  }

  private static Optional<UserAccount> findUser(Connection c, String username) throws SQLException {
    return first(query(c, "SELECT " + USER_COLUMNS + " FROM users WHERE username = ?", SqlAccess::mapUser, username));
  }

  static int update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      Rows.bind(ps, params);
      return ps.executeUpdate();
    }
  }

  static <T> List<T> query(Connection c, String sql, Rows.RowMapper<T> mapper, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      Rows.bind(ps, params);
      return Rows.list(ps, mapper);
    }
  }

  private static <T> Optional<T> first(List<T> rows) {
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  private static UserAccount mapUser(ResultSet rs) throws SQLException {
    return new UserAccount(rs.getString("username"), rs.getString("role"), rs.getString("password_hash"),
        Rows.instant(rs, "created_at"), Rows.nullableInstant(rs, "disabled_at"), rs.getInt("failed_logins"),
        Rows.nullableInstant(rs, "locked_until"));
  }

  private static ApiTokenRecord mapToken(ResultSet rs) throws SQLException {
    return new ApiTokenRecord(rs.getString("id"), rs.getString("token_hash"), rs.getString("name"),
        rs.getString("created_by"), rs.getString("role"), Rows.instant(rs, "created_at"),
        Rows.nullableInstant(rs, "expires_at"), Rows.nullableInstant(rs, "revoked_at"),
        Rows.nullableInstant(rs, "last_used_at"));
  }

  private static ConsoleSession mapSession(ResultSet rs) throws SQLException {
    return new ConsoleSession(rs.getString("id_hash"), rs.getString("username"), rs.getString("csrf_token"),
        Rows.instant(rs, "created_at"), Rows.instant(rs, "expires_at"));
  }
}
