package io.telltale.collector.detect.sql;

import static java.util.Objects.requireNonNull;

import io.telltale.collector.detect.policy.PolicyVersions;
import io.telltale.collector.store.sql.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applied policies in the {@code policy_versions} table: one row per applied text, numbered from 1, the
 * newest one {@code active}. Thread-safe; blocking.
 */
public final class SqlPolicyVersions implements PolicyVersions {

  private final Database db;

  public SqlPolicyVersions(Database db) {
    this.db = requireNonNull(db, "db");
  }

  @Override
  public PolicyVersion record(String sha256, String text, String source, Instant appliedAt) {
    return db.inTransaction(c -> {
      Optional<PolicyVersion> latest = latest(c);
      if (latest.isPresent() && latest.get().sha256().equals(sha256)) {
        return latest.get();
      }
      long number = latest.map(v -> v.number() + 1).orElse(1L);
      try (PreparedStatement ps = c.prepareStatement("UPDATE policy_versions SET active = 0 WHERE active = 1")) {
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO policy_versions (version, name, source, created_at,"
          + " created_by, active, sha256) VALUES (?, ?, ?, ?, ?, 1, ?)")) {
        ps.setLong(1, number);
        ps.setString(2, sha256.substring(0, 12));
        ps.setString(3, text);
        ps.setLong(4, appliedAt.toEpochMilli());
        ps.setString(5, source);
        ps.setString(6, sha256);
        ps.executeUpdate();
      }
      return new PolicyVersion(number, sha256, text, source, appliedAt);
    });
  }

  @Override
  public Optional<PolicyVersion> latest() {
    return db.withConnection(SqlPolicyVersions::latest);
  }

  private static Optional<PolicyVersion> latest(java.sql.Connection c) throws java.sql.SQLException {
    List<PolicyVersion> one = read(c, " ORDER BY version DESC LIMIT 1");
    return one.isEmpty() ? Optional.empty() : Optional.of(one.get(0));
  }

  @Override
  public List<PolicyVersion> history() {
    return db.withConnection(c -> read(c, " ORDER BY version DESC"));
  }

  private static List<PolicyVersion> read(java.sql.Connection c, String order) throws java.sql.SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT version, sha256, source, created_by, created_at FROM policy_versions" + order);
        ResultSet rs = ps.executeQuery()) {
      List<PolicyVersion> out = new ArrayList<>();
      while (rs.next()) {
        out.add(new PolicyVersion(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            Instant.ofEpochMilli(rs.getLong(5))));
      }
      return out;
    }
  }
}
