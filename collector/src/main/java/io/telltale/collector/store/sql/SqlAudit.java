package io.telltale.collector.store.sql;

import io.telltale.collector.store.AuditEntry;
import io.telltale.collector.store.AuditLog;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The audit log in table {@code audit_log}: INSERT and SELECT only (triggers refuse UPDATE and DELETE). */
final class SqlAudit implements AuditLog {

  private final Database db;

  SqlAudit(Database db) {
    this.db = db;
  }

  @Override
  public long append(AuditEntry e) {
    Map<String, String> detail = new LinkedHashMap<>();
    detail.put("before", e.before());
    detail.put("after", e.after());
    detail.put("ip", e.sourceIp());
    String json = Json.write(detail);
    return db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO audit_log (at, actor, action, target, detail_json) VALUES (?, ?, ?, ?, ?) RETURNING id")) {
        Rows.bind(ps, e.at(), e.actor(), e.action(), e.target(), json);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    });
  }

  @Override
  public List<AuditEntry> list(@Nullable String actor, @Nullable String actionPrefix, @Nullable Instant from,
      @Nullable Instant to, int offset, int limit) {
    StringBuilder sql = new StringBuilder("SELECT id, at, actor, action, target, detail_json FROM audit_log WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    if (actor != null) {
      sql.append(" AND actor = ?");
      params.add(actor);
    }
    if (actionPrefix != null) {
      sql.append(" AND substr(action, 1, ?) = ?");
      params.add(actionPrefix.length());
      params.add(actionPrefix);
    }
    if (from != null) {
      sql.append(" AND at >= ?");
      params.add(from);
    }
    if (to != null) {
      sql.append(" AND at < ?");
      params.add(to);
    }
    sql.append(" ORDER BY id DESC LIMIT ? OFFSET ?");
    params.add(limit);
    params.add(offset);
    return db.withConnection(c -> SqlAccess.query(c, sql.toString(), SqlAudit::map, params.toArray()));
  }

  private static AuditEntry map(ResultSet rs) throws SQLException {
    Map<String, String> d = Json.readStringMap(rs.getString("detail_json"));
    return new AuditEntry(rs.getLong("id"), Rows.instant(rs, "at"), rs.getString("actor"), rs.getString("action"),
        rs.getString("target"), d.getOrDefault("before", ""), d.getOrDefault("after", ""), d.getOrDefault("ip", ""));
  }
}
