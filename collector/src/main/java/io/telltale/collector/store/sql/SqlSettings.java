package io.telltale.collector.store.sql;

import io.telltale.collector.store.FleetSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** Fleet settings in tables {@code fleet_settings} and {@code agent_config_versions}. */
final class SqlSettings implements FleetSettings {

  static final String IDENTIFIER_KEY = "identifier_key";

  private final Database db;
  private volatile byte @Nullable [] identifierKey;

  SqlSettings(Database db) {
    this.db = db;
  }

  @Override
  public byte[] identifierKey(Supplier<byte[]> generator) {
    byte[] cached = identifierKey;
    if (cached != null) {
      return cached.clone();
    }
    String hex =
        db.inTransaction(
            c -> {
              // INSERT ... DO NOTHING then read back: the first collector to get here wins, everywhere.
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "INSERT INTO fleet_settings (name, value, updated_at) VALUES (?, ?, ?)"
                          + " ON CONFLICT (name) DO NOTHING")) {
                Rows.bind(ps, IDENTIFIER_KEY, HexFormat.of().formatHex(generator.get()), Instant.now());
                ps.executeUpdate();
              }
              return value(c, IDENTIFIER_KEY);
            });
    byte[] key = HexFormat.of().parseHex(hex);
    identifierKey = key;
    return key.clone();
  }

  private static String value(Connection c, String name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT value FROM fleet_settings WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new SQLException("fleet setting missing: " + name);
        }
        return rs.getString(1);
      }
    }
  }

  @Override
  public long agentConfigVersion(String fingerprint, Instant now) {
    return db.inTransaction(
        c -> {
          long latest = 0;
          String latestFingerprint = null;
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT version, fingerprint FROM agent_config_versions ORDER BY version DESC LIMIT 1");
              ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
              latest = rs.getLong(1);
              latestFingerprint = rs.getString(2);
            }
          }
          if (fingerprint.equals(latestFingerprint)) {
            return latest;
          }
          // Two collectors racing here both try version latest + 1; the primary key lets one win and the
          // loser's transaction fails, to be retried by its caller.
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO agent_config_versions (version, fingerprint, created_at) VALUES (?, ?, ?)")) {
            Rows.bind(ps, latest + 1, fingerprint, now);
            ps.executeUpdate();
          }
          return latest + 1;
        });
  }
}
