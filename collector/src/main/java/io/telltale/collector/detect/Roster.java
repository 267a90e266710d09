package io.telltale.collector.detect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The HR roster: laptop serial number to employee. Immutable and thread-safe. Loaded from a CSV an
 * administrator exports (and that {@code evaluate} writes from a scenario):
 *
 * <pre>
 * # serial,employee_id,name,email,country,region,timezone,groups
 * 8KP2X5D,emp-2107,Jordan Whitfield,jordan@example.com,US,TX,America/Chicago,engineering;it-support
 * </pre>
 */
public final class Roster {

  private final Map<String, Employee> bySerial;

  public Roster(Map<String, Employee> bySerial) {
    Map<String, Employee> m = new HashMap<>();
    bySerial.forEach((k, v) -> m.put(normalize(k), v));
    this.bySerial = Map.copyOf(m);
  }

  public static Roster empty() {
    return new Roster(Map.of());
  }

  public Optional<Employee> bySerial(String serial) {
    return serial.isEmpty() ? Optional.empty() : Optional.ofNullable(bySerial.get(normalize(serial)));
  }

  /** The roster as the store keeps it (laptops matched by serial; host names as a fallback key). */
  public static Roster of(List<io.telltale.collector.store.RosterEmployee> employees) {
    Map<String, Employee> out = new HashMap<>();
    for (io.telltale.collector.store.RosterEmployee r : employees) {
      Employee e = new Employee(r.id(), r.name(), r.email(), r.country(), r.region(), r.timezone(), r.groups());
      for (String serial : r.serials()) {
        out.put(serial, e);
      }
      for (String host : r.hostnames()) {
        out.putIfAbsent("host:" + host, e);
      }
    }
    return new Roster(out);
  }

  /** By serial, else by host name. */
  public Optional<Employee> of(String serial, String hostname) {
    Optional<Employee> e = bySerial(serial);
    return e.isPresent() || hostname.isEmpty() ? e : Optional.ofNullable(bySerial.get(normalize("host:" + hostname)));
  }

  public int size() {
    return bySerial.size();
  }

  /** Reads a roster CSV; throws {@link IllegalArgumentException} with "file:line: reason" on a bad line. */
  public static Roster load(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    Map<String, Employee> out = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split(",", -1);
      if (f.length != 8) {
        throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + f.length
            + " fields (expected: serial,employee_id,name,email,country,region,timezone,groups)");
      }
      try {
        ZoneId.of(f[6].trim());
      } catch (DateTimeException e) {
        throw new IllegalArgumentException(file + ":" + (i + 1) + ": timezone: '" + f[6] + "' (expected: an IANA zone id)");
      }
      List<String> groups = f[7].isBlank() ? List.of() : List.of(f[7].trim().split("\\s*;\\s*"));
      out.put(f[0].trim(), new Employee(f[1].trim(), f[2].trim(), f[3].trim(), f[4].trim().toUpperCase(Locale.ROOT),
          f[5].trim(), f[6].trim(), groups));
    }
    return new Roster(out);
  }

  /** One CSV line of this format (commas in names are replaced by spaces). */
  public static String line(String serial, Employee e) {
    return String.join(",", serial, e.id(), e.name().replace(",", " "), e.email().replace(",", " "), e.country(),
        e.region(), e.timezone(), String.join(";", e.groups()));
  }

  private static String normalize(String serial) {
    return serial.trim().toUpperCase(Locale.ROOT);
  }
}
