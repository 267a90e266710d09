package io.telltale.collector.store.sql;

import io.telltale.collector.store.RosterEmployee;
import io.telltale.collector.store.RosterRepository;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The roster in tables {@code employees} and {@code employee_devices}. */
final class SqlRoster implements RosterRepository {

  private static final String SERIAL = "serial";
  private static final String HOSTNAME = "hostname";

  private final Database db;

  SqlRoster(Database db) {
    this.db = db;
  }

  @Override
  public void replaceAll(List<RosterEmployee> employees, Instant at) {
    db.inTransaction(c -> {
      SqlAccess.update(c, "DELETE FROM employee_devices");
      SqlAccess.update(c, "DELETE FROM employees");
      try (PreparedStatement emp = c.prepareStatement("INSERT INTO employees "
          + "(id, name, email, country, region, timezone, updated_at, groups_list) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
          PreparedStatement dev = c.prepareStatement(
              "INSERT INTO employee_devices (match_kind, match_value, employee_id) VALUES (?, ?, ?) "
                  + "ON CONFLICT (match_kind, match_value) DO UPDATE SET employee_id = excluded.employee_id")) {
        for (RosterEmployee e : employees) {
          Rows.bind(emp, e.id(), e.name(), e.email(), e.country(), e.region(), e.timezone(), at,
              String.join(";", e.groups()));
          emp.addBatch();
          for (String s : e.serials()) {
            Rows.bind(dev, SERIAL, s, e.id());
            dev.addBatch();
          }
          for (String h : e.hostnames()) {
            Rows.bind(dev, HOSTNAME, h, e.id());
            dev.addBatch();
          }
        }
        emp.executeBatch();
        dev.executeBatch();
      }
      return null;
    });
  }

  @Override
  public List<RosterEmployee> list() {
    return db.withConnection(c -> {
      Map<String, List<String>> serials = new HashMap<>();
      Map<String, List<String>> hostnames = new HashMap<>();
      for (String[] row : SqlAccess.query(c, "SELECT match_kind, match_value, employee_id FROM employee_devices "
          + "ORDER BY match_value", rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})) {
        (SERIAL.equals(row[0]) ? serials : hostnames).computeIfAbsent(row[2], k -> new ArrayList<>()).add(row[1]);
      }
      return SqlAccess.query(c, "SELECT id, name, email, country, region, timezone, groups_list FROM employees "
          + "ORDER BY id", rs -> {
            String id = rs.getString("id");
            String groups = rs.getString("groups_list");
            return new RosterEmployee(id, rs.getString("name"), rs.getString("email"), rs.getString("country"),
                rs.getString("region"), rs.getString("timezone"), serials.getOrDefault(id, List.of()),
                hostnames.getOrDefault(id, List.of()),
                groups.isEmpty() ? List.of() : Arrays.asList(groups.split(";")));
          });
    });
  }
}
