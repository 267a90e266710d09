package io.telltale.agent.sim;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.telltale.agent.sim.Scenario.Device;
import io.telltale.agent.sim.Scenario.Employee;
import io.telltale.agent.sim.Scenario.Network;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates a {@code telltale-scenario/1} file: the schema's rules (types, ranges, patterns, no
 * unknown keys) and the loader rules of FORMAT.md (unique hostnames, references to existing networks and
 * employees, labels keyed by hostnames, IANA time zones, UTC start). Every error names the file, the JSON
 * path and what was expected. Explicit code rather than a schema engine: the messages are the product here.
 */
public final class ScenarioLoader {

  static final Pattern NAME = Pattern.compile("[a-z0-9-]+");
  static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]+");
  static final Pattern UTC = Pattern.compile(
      "[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?(Z|\\+00:00)");
  static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  static final Pattern MAC = Pattern.compile("[0-9a-f]{2}(:[0-9a-f]{2}){5}");

  private ScenarioLoader() {}

  public static Scenario load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ScenarioException(file + ": cannot be read (" + e.getMessage() + ")", e);
    }
    return parse(file.getFileName().toString(), text);
  }

  /** Parses scenario JSON; {@code fileName} is used in error messages. */
  public static Scenario parse(String fileName, String json) {
    JsonNode root;
    try {
      ObjectMapper mapper = new ObjectMapper();
      mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      root = mapper.readTree(json);
    } catch (JsonProcessingException e) {
      throw new ScenarioException(fileName + ": not valid JSON at line " + e.getLocation().getLineNr()
          + ", column " + e.getLocation().getColumnNr() + " (" + e.getOriginalMessage() + ")", e);
    }
    if (root == null) {
      throw new ScenarioException(fileName + ": $: empty file (expected: a scenario object)");
    }
    return new ScenarioLoader.Reader(new JsonCursor(fileName, "$", root)).read();
  }

  private static final class Reader {
    private final JsonCursor root;

    Reader(JsonCursor root) {
      this.root = root;
    }

    Scenario read() {
      root.object(Set.of("format", "name", "start", "hours", "report_interval_minutes", "networks", "employees",
          "devices"), Set.of("description", "labels"));
      root.oneOf("format", Set.of("telltale-scenario/1"));
      String name = root.matching("name", NAME, "lower-case letters, digits and '-'");
      Instant start = instant(root);
      int hours = (int) root.integer("hours", 1, 2160);
      int interval = (int) root.integer("report_interval_minutes", 1, 1440);
      Map<String, Network> networks = new LinkedHashMap<>();
      root.members("networks").forEach((id, c) -> networks.put(checkId(c, id), Parts.network(id, c)));
      Map<String, Employee> employees = new LinkedHashMap<>();
      root.members("employees").forEach((id, c) -> employees.put(checkId(c, id), Parts.employee(id, c)));
      List<Device> devices = new ArrayList<>();
      Map<String, String> hostPaths = new HashMap<>();
      for (JsonCursor c : root.array("devices")) {
        Device d = DeviceReader.device(c);
        String earlier = hostPaths.putIfAbsent(d.hostname(), c.path());
        if (earlier != null) {
          throw c.get("hostname").error("a hostname unique in the scenario; " + earlier + " has it already");
        }
        References.check(c, d, networks.keySet(), employees.keySet());
        devices.add(d);
      }
      Map<String, String> labels = new LinkedHashMap<>();
      if (root.has("labels")) {
        root.members("labels").forEach((host, c) -> {
          if (!hostPaths.containsKey(host)) {
            throw c.errorAt("", "label for unknown hostname (expected: a hostname of $.devices)");
          }
          labels.put(host, root.get("labels").oneOf(host, Set.of("farm", "benign")));
        });
      }
      return new Scenario(name, root.string("description", ""), start, hours, interval, networks, employees,
          devices, labels);
    }

    private static String checkId(JsonCursor c, String id) {
      if (!ID.matcher(id).matches()) {
        throw c.errorAt("", "id \"" + id + "\" (expected: letters, digits, '.', '_' or '-')");
      }
      return id;
    }

    private static Instant instant(JsonCursor root) {
      String s = root.matching("start", UTC, "an RFC 3339 UTC timestamp, e.g. 2025-04-14T00:00:00Z");
      try {
        return Instant.parse(s.endsWith("+00:00") ? s.substring(0, s.length() - 6) + "Z" : s);
      } catch (DateTimeParseException e) {
        throw root.get("start").error("an existing date and time in UTC");
      }
    }
  }

  static ZoneId zone(JsonCursor c, String key) {
    String id = c.string(key);
    if (!ZoneId.getAvailableZoneIds().contains(id)) {
      throw c.get(key).error("an IANA time zone id, e.g. America/Phoenix");
    }
    return ZoneId.of(id);
  }
}
