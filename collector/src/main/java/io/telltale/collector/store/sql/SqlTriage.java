package io.telltale.collector.store.sql;

import io.telltale.collector.store.TriageNote;
import io.telltale.collector.store.TriageRecord;
import io.telltale.collector.store.TriageRepository;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Triage in tables {@code triage} and {@code triage_notes}. */
final class SqlTriage implements TriageRepository {

  private static final String COLUMNS = "device_id, state, assignee, updated_at, updated_by";

  private final Database db;

  SqlTriage(Database db) {
    this.db = db;
  }

  @Override
  public Optional<TriageRecord> find(String deviceId) {
    List<TriageRecord> rows = db.withConnection(c -> SqlAccess.query(c,
        "SELECT " + COLUMNS + " FROM triage WHERE device_id = ?", SqlTriage::map, deviceId));
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  @Override
  public List<TriageRecord> all() {
    return db.withConnection(c -> SqlAccess.query(c, "SELECT " + COLUMNS + " FROM triage ORDER BY device_id",
        SqlTriage::map));
  }

  @Override
  public void put(TriageRecord r) {
    db.inTransaction(c -> SqlAccess.update(c, "INSERT INTO triage (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?) "
        + "ON CONFLICT (device_id) DO UPDATE SET state = excluded.state, assignee = excluded.assignee, "
        + "updated_at = excluded.updated_at, updated_by = excluded.updated_by",
        r.deviceId(), r.state(), r.assignee(), r.updatedAt(), r.updatedBy()));
  }

  @Override
  public long addNote(TriageNote n) {
    return db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO triage_notes (device_id, author, body, created_at) VALUES (?, ?, ?, ?) RETURNING id")) {
        Rows.bind(ps, n.deviceId(), n.author(), n.body(), n.createdAt());
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    });
  }

  @Override
  public List<TriageNote> notes(String deviceId) {
    return db.withConnection(c -> SqlAccess.query(c,
        "SELECT id, device_id, author, body, created_at FROM triage_notes WHERE device_id = ? ORDER BY created_at, id",
        rs -> new TriageNote(rs.getLong("id"), rs.getString("device_id"), rs.getString("author"),
            rs.getString("body"), Rows.instant(rs, "created_at")), deviceId));
  }

  private static TriageRecord map(ResultSet rs) throws SQLException {
    return new TriageRecord(rs.getString("device_id"), rs.getString("state"), rs.getString("assignee"),
        Rows.instant(rs, "updated_at"), rs.getString("updated_by"));
  }
}
