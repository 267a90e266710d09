package io.telltale.agent.sim;

import io.telltale.agent.sim.Scenario.Activity;
import io.telltale.agent.sim.Scenario.App;
import io.telltale.agent.sim.Scenario.Change;
import io.telltale.agent.sim.Scenario.ChangeSet;
import io.telltale.agent.sim.Scenario.Clock;
import io.telltale.agent.sim.Scenario.Device;
import io.telltale.agent.sim.Scenario.DeviceState;
import io.telltale.agent.sim.Scenario.Display;
import io.telltale.agent.sim.Scenario.Port;
import io.telltale.agent.sim.Scenario.Power;
import io.telltale.agent.sim.Scenario.Session;
import io.telltale.agent.sim.Scenario.Usb;
import io.telltale.agent.sim.Scenario.Vpn;
import io.telltale.agent.sim.Scenario.Window;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Reads devices, their state parts and changes. */
final class DeviceReader {

  private static final Pattern HEX4 = Pattern.compile("[0-9a-f]{4}");
  private static final Pattern HHMM = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
  private static final Pattern LANG = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");
  private static final Pattern DAYS = Pattern.compile(
      "mon-fri|sat-sun|daily|(mon|tue|wed|thu|fri|sat|sun)(,(mon|tue|wed|thu|fri|sat|sun))*");
  private static final Set<String> STATE_KEYS = Set.of("network", "vpn", "clock", "processes", "services",
      "installed_apps", "listening_ports", "usb", "displays", "power", "sessions", "activity");
  private static final Set<String> INTERFACES = Set.of("keyboard", "mouse-relative", "mouse-absolute",
      "mass-storage", "cdrom", "network", "audio", "video", "serial", "hub", "other");

  private DeviceReader() {}

  static Device device(JsonCursor c) {
    Set<String> required = new java.util.HashSet<>(STATE_KEYS);
    required.addAll(Set.of("hostname", "serial", "employee", "os", "uptime_days"));
    c.object(required, Set.of("changes"));
    String hostname = c.string("hostname");
    if (hostname.isEmpty()) {
      throw c.get("hostname").error("a non-empty host name");
    }
    JsonCursor os = c.get("os").object(Set.of("family", "version"), Set.of());
    DeviceState initial = new DeviceState(id(c, "network"), vpn(c), clock(c.get("clock")), c.strings("processes"),
        c.strings("services"), list(c, "installed_apps", DeviceReader::app), list(c, "listening_ports", DeviceReader::port),
        list(c, "usb", DeviceReader::usb), list(c, "displays", DeviceReader::display), power(c.get("power")),
        list(c, "sessions", DeviceReader::session), activity(c.get("activity")));
    List<Change> changes = new ArrayList<>();
    if (c.has("changes")) {
      for (JsonCursor ch : c.array("changes")) {
        ch.object(Set.of("at_hour", "set"), Set.of("offline_hours"));
        double offline = 0;
        if (ch.has("offline_hours")) {
          Double v = ch.nullablePositive("offline_hours");
          if (v == null) {
            throw ch.get("offline_hours").error("a number > 0");
          }
          offline = v;
        }
        changes.add(new Change(ch.number("at_hour", 0, Double.MAX_VALUE), changeSet(ch.get("set")), offline));
      }
    }
    return new Device(hostname, c.string("serial"), id(c, "employee"), os.oneOf("family", Set.of("windows", "macos", "linux")), os.string("version"),
        c.number("uptime_days", 0, Double.MAX_VALUE), initial, changes);
  }

  static ChangeSet changeSet(JsonCursor s) {
    s.object(Set.of(), STATE_KEYS);
    return new ChangeSet(
        s.has("network") ? id(s, "network") : null,
        s.has("vpn"), s.has("vpn") ? vpn(s) : null,
        s.has("clock") ? clock(s.get("clock")) : null,
        s.has("processes") ? s.strings("processes") : null,
        s.has("services") ? s.strings("services") : null,
        s.has("installed_apps") ? list(s, "installed_apps", DeviceReader::app) : null,
        s.has("listening_ports") ? list(s, "listening_ports", DeviceReader::port) : null,
        s.has("usb") ? list(s, "usb", DeviceReader::usb) : null,
        s.has("displays") ? list(s, "displays", DeviceReader::display) : null,
        s.has("power") ? power(s.get("power")) : null,
        s.has("sessions") ? list(s, "sessions", DeviceReader::session) : null,
        s.has("activity") ? activity(s.get("activity")) : null);
  }

  private static <T> List<T> list(JsonCursor c, String key, Function<JsonCursor, T> item) {
    return c.array(key).stream().map(item).toList();
  }

  private static String id(JsonCursor c, String key) {
    return c.matching(key, ScenarioLoader.ID, "an id of letters, digits, '.', '_' or '-'");
  }

  private static @Nullable Vpn vpn(JsonCursor c) {
    if (c.isNull("vpn")) {
      return null;
    }
    JsonCursor v = c.get("vpn").object(Set.of("name", "process", "adapter", "exit_network"), Set.of());
    return new Vpn(v.string("name"), v.string("process"), v.string("adapter"), id(v, "exit_network"));
  }

  private static Clock clock(JsonCursor c) {
    c.object(Set.of("timezone", "locale", "keyboard_layouts"), Set.of("skew_seconds"));
    List<String> layouts = new ArrayList<>();
    for (JsonCursor l : c.array("keyboard_layouts")) {
      layouts.add(l.text(LANG, "a BCP 47 language tag, e.g. en-US"));
    }
    return new Clock(ScenarioLoader.zone(c, "timezone"), c.matching("locale", LANG, "a BCP 47 language tag, e.g. en-US"),
        layouts, c.has("skew_seconds") ? c.number("skew_seconds", -Double.MAX_VALUE, Double.MAX_VALUE) : 0);
  }

  private static App app(JsonCursor c) {
    c.object(Set.of("name", "version"), Set.of("bundle_id", "publisher"));
    return new App(c.string("name"), c.string("version"), c.string("bundle_id", ""), c.string("publisher", ""));
  }

  private static Port port(JsonCursor c) {
    c.object(Set.of("port", "protocol", "process"), Set.of());
    return new Port((int) c.integer("port", 1, 65535), c.oneOf("protocol", Set.of("tcp", "udp")), c.string("process"));
  }

  private static Usb usb(JsonCursor c) {
    c.object(Set.of("vendor_id", "product_id", "manufacturer", "product", "serial", "interfaces"), Set.of());
    List<String> interfaces = new ArrayList<>();
    for (JsonCursor i : c.array("interfaces")) {
      interfaces.add(i.text(Pattern.compile(String.join("|", INTERFACES)),
          "one of " + String.join(", ", new java.util.TreeSet<>(INTERFACES))));
    }
    return new Usb(c.matching("vendor_id", HEX4, "4 lower-case hex digits"),
        c.matching("product_id", HEX4, "4 lower-case hex digits"), c.string("manufacturer"), c.string("product"),
        c.string("serial"), interfaces);
  }

  private static Display display(JsonCursor c) {
    c.object(Set.of("internal", "edid_manufacturer", "edid_product_code", "edid_serial_number", "monitor_name",
        "serial_string", "width", "height", "refresh_hz"), Set.of());
    for (String k : List.of("monitor_name", "serial_string")) {
      if (c.string(k).length() > 13) {
        throw c.get(k).error("at most 13 characters, as in an EDID descriptor");
      }
    }
    double hz = c.number("refresh_hz", 0, Double.MAX_VALUE);
    if (hz <= 0) {
      throw c.get("refresh_hz").error("a number > 0");
    }
    return new Display(c.bool("internal"), c.matching("edid_manufacturer", Pattern.compile("[A-Z]{3}"),
        "three upper-case letters, e.g. LNX"), (int) c.integer("edid_product_code", 0, 65535),
        c.integer("edid_serial_number", 0, 4_294_967_295L), c.string("monitor_name"), c.string("serial_string"),
        (int) c.integer("width", 1, Integer.MAX_VALUE), (int) c.integer("height", 1, Integer.MAX_VALUE), hz);
  }

  private static Power power(JsonCursor c) {
    c.object(Set.of("has_battery", "on_ac", "battery_percent", "lid_open"), Set.of());
    return new Power(c.bool("has_battery"), c.bool("on_ac"), c.number("battery_percent", 0, 100),
        c.nullableBool("lid_open"));
  }

  private static Session session(JsonCursor c) {
    c.object(Set.of("kind", "user"), Set.of("tool", "remote_address"));
    String kind = c.oneOf("kind", Set.of("console", "rdp", "ssh", "vnc", "screen-sharing", "remote-tool"));
    if (kind.equals("remote-tool") && !c.has("tool")) {
      throw c.errorAt(".tool", "missing (expected: the product name when kind is remote-tool)");
    }
    return new Session(kind, c.string("user"), c.string("tool", ""),
        c.has("remote_address") ? Parts.ip(c.get("remote_address")) : "");
  }

  private static Activity activity(JsonCursor c) {
    c.object(Set.of("schedule", "input", "jiggle_seconds", "idle_lock_minutes"), Set.of());
    List<Window> windows = new ArrayList<>();
    for (JsonCursor w : c.array("schedule")) {
      w.object(Set.of("days", "from", "to"), Set.of());
      windows.add(new Window(days(w.matching("days", DAYS, "mon-fri, sat-sun, daily or a list like mon,wed,fri")),
          LocalTime.parse(w.matching("from", HHMM, "HH:MM, 00:00..23:59")),
          LocalTime.parse(w.matching("to", HHMM, "HH:MM, 00:00..23:59 (write 00:00, not 24:00)"))));
    }
    return new Activity(windows, c.oneOf("input", Set.of("local", "remote-tool", "usb-hid", "mixed")),
        c.nullablePositive("jiggle_seconds"), c.nullablePositive("idle_lock_minutes"));
  }

  static Set<DayOfWeek> days(String spec) {
    switch (spec) {
      case "mon-fri":
        return EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
      case "sat-sun":
        return EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
      case "daily":
        return EnumSet.allOf(DayOfWeek.class);
      default:
        Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
        for (String d : spec.split(",")) {
          for (DayOfWeek dow : DayOfWeek.values()) {
            if (dow.name().toLowerCase(java.util.Locale.ROOT).startsWith(d)) {
              out.add(dow);
            }
          }
        }
        return out;
    }
  }
}
