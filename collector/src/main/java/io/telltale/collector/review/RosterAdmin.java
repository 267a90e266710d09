package io.telltale.collector.review;

import static java.util.Objects.requireNonNull;

import io.telltale.collector.internal.Clock;
import io.telltale.collector.store.RosterEmployee;
import io.telltale.collector.store.RosterRepository;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The HR roster: reading it (every role) and replacing it from a CSV (administrators). An import with any
 * bad row changes nothing and reports every bad row with its line number.
 *
 * <p>CSV format, with a header row naming the columns (any order; names case-insensitive):
 * {@code employee_id,name,email,country,region,timezone,serials,hostnames,groups}. {@code serials},
 * {@code hostnames} and {@code groups} hold ';'-separated lists; a {@code devices} column may replace
 * {@code serials}/{@code hostnames} (each value matches a serial or a host name). Every employee needs at
 * least one laptop.
 */
public final class RosterAdmin {

  static final List<String> REQUIRED = List.of("employee_id", "name", "email", "country", "region", "timezone");
  static final List<String> OPTIONAL = List.of("serials", "hostnames", "devices", "groups");
  /** Largest roster file accepted. */
  public static final int MAX_BYTES = 20 * 1024 * 1024;

  /** Outcome of an import. */
  public record Imported(int employees, int devices, int previousEmployees) {}

  private final RosterRepository roster;
  private final AuditTrail audit;
  private final Clock clock;

  public RosterAdmin(RosterRepository roster, AuditTrail audit, Clock clock) {
    this.roster = requireNonNull(roster, "roster");
    this.audit = requireNonNull(audit, "audit");
    this.clock = requireNonNull(clock, "clock");
  }

  public List<RosterEmployee> list(Principal who) {
    who.require(Role.VIEWER);
    return roster.list();
  }

  /** Parses and, only when every row is valid, replaces the roster. */
  public Imported importCsv(Principal who, String csv) {
    who.require(Role.ADMIN);
    if (csv.length() > MAX_BYTES) {
      throw ReviewException.invalid("roster: " + csv.length() + " bytes (expected: at most " + MAX_BYTES + ")");
    }
    List<RosterEmployee> parsed = parse(csv);
    int before = roster.list().size();
    roster.replaceAll(parsed, clock.now());
    int devices = parsed.stream().mapToInt(e -> e.serials().size() + e.hostnames().size()).sum();
    Imported result = new Imported(parsed.size(), devices, before);
    audit.record(who, "roster.import", "", Map.of("employees", before),
        Map.of("employees", parsed.size(), "devices", devices));
    return result;
  }

  /** Parses a roster CSV; throws {@link ReviewException} listing every bad row. */
  static List<RosterEmployee> parse(String csv) {
    List<Csv.Row> rows = Csv.parse(csv.startsWith("\uFEFF") ? csv.substring(1) : csv);
    if (rows.isEmpty()) {
      throw ReviewException.invalid("roster: empty (expected: a header row and one row per employee)");
    }
    Map<String, Integer> col = new HashMap<>();
    List<String> header = rows.get(0).fields();
    for (int i = 0; i < header.size(); i++) {
      col.put(header.get(i).trim().toLowerCase(Locale.ROOT), i);
    }
    List<Problem> problems = new ArrayList<>();
    for (String r : REQUIRED) {
      if (!col.containsKey(r)) {
        problems.add(new Problem(rows.get(0).line(), 0, r, "missing column (expected header: "
            + String.join(",", REQUIRED) + ",serials,hostnames,groups)"));
      }
    }
    if (!col.containsKey("serials") && !col.containsKey("hostnames") && !col.containsKey("devices")) {
      problems.add(new Problem(rows.get(0).line(), 0, "serials", "missing column (expected: serials, hostnames or devices)"));
    }
    if (!problems.isEmpty()) {
      throw new ReviewException(ReviewException.Kind.INVALID_ARGUMENT, "roster: bad header", problems);
    }
    List<RosterEmployee> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    Map<String, Integer> deviceRows = new HashMap<>();
    for (Csv.Row row : rows.subList(1, rows.size())) {
      List<String> f = row.fields();
      if (f.size() != header.size()) {
        problems.add(new Problem(row.line(), 0, "", f.size() + " fields (expected: " + header.size() + ", as the header)"));
        continue;
      }
      String id = get(f, col, "employee_id");
      String email = get(f, col, "email");
      String country = get(f, col, "country").toUpperCase(Locale.ROOT);
      String zone = get(f, col, "timezone");
      List<String> serials = new ArrayList<>(list(get(f, col, "serials")));
      List<String> hostnames = new ArrayList<>(list(get(f, col, "hostnames")));
      for (String d : list(get(f, col, "devices"))) {
        serials.add(d);
        hostnames.add(d);
      }
      int before = problems.size();
      if (id.isEmpty()) {
        problems.add(new Problem(row.line(), 0, "employee_id", "empty (expected: the HR employee id)"));
      } else if (!ids.add(id)) {
        problems.add(new Problem(row.line(), 0, "employee_id", "'" + id + "' repeated (expected: one row per employee)"));
      }
      if (!email.isEmpty() && !email.matches("[^@\\s]+@[^@\\s]+")) {
        problems.add(new Problem(row.line(), 0, "email", "'" + email + "' (expected: name@domain)"));
      }
      if (!country.isEmpty() && !country.matches("[A-Z]{2}")) {
        problems.add(new Problem(row.line(), 0, "country", "'" + country + "' (expected: ISO 3166-1 alpha-2, e.g. US)"));
      }
      if (!zone.isEmpty()) {
        try {
          ZoneId.of(zone);
        } catch (DateTimeException e) {
          problems.add(new Problem(row.line(), 0, "timezone", "'" + zone + "' (expected: an IANA zone, e.g. America/Chicago)"));
        }
      }
      if (serials.isEmpty() && hostnames.isEmpty()) {
        problems.add(new Problem(row.line(), 0, "serials", "no laptop (expected: at least one serial or host name)"));
      }
      for (String s : new HashSet<>(serials)) {
        Integer other = deviceRows.putIfAbsent("s:" + s.toLowerCase(Locale.ROOT), row.line());
        if (other != null) {
          problems.add(new Problem(row.line(), 0, "serials", "'" + s + "' already assigned on line " + other
              + " (expected: one employee per laptop)"));
        }
      }
      if (problems.size() == before) {
        out.add(new RosterEmployee(id, get(f, col, "name"), email, country, get(f, col, "region"), zone,
            dedupe(serials), dedupe(hostnames), list(get(f, col, "groups"))));
      }
    }
    if (!problems.isEmpty()) {
      throw new ReviewException(ReviewException.Kind.INVALID_ARGUMENT,
          "roster: " + problems.size() + " problem(s); nothing was imported", problems);
    }
    return out;
  }

  private static String get(List<String> fields, Map<String, Integer> col, String name) {
    Integer i = col.get(name);
    return i == null ? "" : fields.get(i).trim();
  }

  private static List<String> list(String field) {
    return field.isBlank() ? List.of()
        : Arrays.stream(field.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static List<String> dedupe(List<String> values) {
    return new ArrayList<>(new java.util.LinkedHashSet<>(values));
  }
}
