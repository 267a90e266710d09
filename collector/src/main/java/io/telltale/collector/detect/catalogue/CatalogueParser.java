package io.telltale.collector.detect.catalogue;

import io.telltale.collector.detect.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.MappingNode;

/** Parses one catalogue file; every problem is recorded in the reader with its line and column. */
final class CatalogueParser {

  private static final Set<String> TOP = Set.of("families", "devices", "edids", "jigglers", "vpns",
      "neighbor_ouis", "mdns_names", "usb_subnets", "usb_nic_descriptions", "storage_inquiries",
      "kvm_jiggle_periods");
  private static final Pattern HEX4 = Pattern.compile("[0-9a-f]{4}");
  private static final Pattern PID = Pattern.compile("\\*|[0-9a-f]{4}|[0-9a-f]{4}-[0-9a-f]{4}");
  private static final Pattern PORT = Pattern.compile("\\d{1,5}/(tcp|udp)");
  private static final Pattern OUI = Pattern.compile("[0-9a-f]{2}(:[0-9a-f]{2}){0,4}(:[0-9a-f])?");
  private static final Pattern CIDR = Pattern.compile("[0-9a-fA-F:.]+/\\d{1,3}");

  private final YamlReader y;

  CatalogueParser(YamlReader reader) {
    this.y = reader;
  }

  Catalogue parse(String text) {
    MappingNode root = y.root(text);
    if (root == null) {
      return Catalogue.empty();
    }
    y.unknownKeys(root, TOP);
    List<RemoteToolFamily> tools = new ArrayList<>();
    for (MappingNode m : y.mappings(root, "families")) {
      tools.add(family(m));
    }
    List<UsbSignature> usb = new ArrayList<>();
    for (MappingNode m : y.mappings(root, "devices")) {
      usb.add(usb(m));
    }
    List<EdidSignature> edids = new ArrayList<>();
    for (MappingNode m : y.mappings(root, "edids")) {
      edids.add(edid(m));
    }
    List<JigglerSignature> jigglers = new ArrayList<>();
    for (MappingNode m : y.mappings(root, "jigglers")) {
      y.unknownKeys(m, Set.of("tool", "kind", "processes", "bundle_ids", "apps", "behaviour", "sources"));
      jigglers.add(new JigglerSignature(y.requiredString(m, "tool"),
          oneOf(m, "kind", Set.of("jiggler", "keep-awake", "kvm-jiggler", "usb-jiggler", "built-in"), "jiggler"),
          patterns(m, "processes"), patterns(m, "bundle_ids"), patterns(m, "apps"), origin(m)));
    }
    List<VpnSignature> vpns = new ArrayList<>();
    for (MappingNode m : y.mappings(root, "vpns")) {
      vpns.add(vpn(m));
    }
    return new Catalogue(tools, usb, edids, jigglers, vpns, network(root));
  }

  private RemoteToolFamily family(MappingNode m) {
    y.unknownKeys(m, Set.of("family", "aka", "category", "dprk_reporting", "processes", "services", "bundle_ids",
        "signers", "apps", "listen_ports", "session_tools", "weak", "sources"));
    List<String> ports = y.strings(m, "listen_ports");
    for (String p : ports) {
      if (!PORT.matcher(p).matches()) {
        y.error(m, "listen_ports: '%s' (expected: port/tcp or port/udp)", p);
      }
    }
    return new RemoteToolFamily(y.requiredString(m, "family"),
        oneOf(m, "category", RemoteToolFamily.CATEGORIES, "remote-desktop"), y.strings(m, "dprk_reporting"),
        patterns(m, "processes"), patterns(m, "services"), patterns(m, "bundle_ids"), patterns(m, "signers"),
        patterns(m, "apps"), ports, patterns(m, "session_tools"), y.bool(m, "weak", false), origin(m));
  }

  private UsbSignature usb(MappingNode m) {
    y.unknownKeys(m, Set.of("vendor_id", "product_id", "manufacturer", "product", "serial", "kind", "confidence",
        "device", "interfaces", "sources"));
    String vid = y.requiredString(m, "vendor_id").toLowerCase(Locale.ROOT);
    if (!vid.isEmpty() && !HEX4.matcher(vid).matches()) {
      y.error(m, "vendor_id: '%s' (expected: 4 hex digits)", vid);
    }
    String pid = y.string(m, "product_id", "*").toLowerCase(Locale.ROOT);
    if (!PID.matcher(pid).matches()) {
      y.error(m, "product_id: '%s' (expected: 4 hex digits, a range like 4000-401f, or *)", pid);
    }
    return new UsbSignature(vid, pid, any(y.string(m, "manufacturer", "")), any(y.string(m, "product", "")),
        any(y.string(m, "serial", "")), oneOf(m, "kind", UsbSignature.KINDS, "gadget"),
        oneOf(m, "confidence", UsbSignature.CONFIDENCES, "medium"), y.string(m, "device", ""), origin(m));
  }

  private EdidSignature edid(MappingNode m) {
    y.unknownKeys(m, Set.of("manufacturer", "product_code", "serial_number", "serial_string", "monitor_name",
        "kind", "device", "sources"));
    String mfr = y.requiredString(m, "manufacturer");
    if (!mfr.isEmpty() && mfr.length() != 3) {
      y.error(m, "manufacturer: '%s' (expected: a 3-letter PNP id)", mfr);
    }
    Integer product = y.get(m, "product_code") == null ? null
        : (int) y.integer(m, "product_code", 0, 0, 0xFFFF);
    Long serial = y.get(m, "serial_number") == null ? null
        : y.integer(m, "serial_number", 0, 0, 0xFFFFFFFFL);
    return new EdidSignature(mfr, product, serial, y.string(m, "serial_string", ""),
        y.string(m, "monitor_name", ""), oneOf(m, "kind", EdidSignature.KINDS, "example"),
        y.string(m, "device", ""), origin(m));
  }

  private VpnSignature vpn(MappingNode m) {
    y.unknownKeys(m, Set.of("vpn", "category", "dprk_reporting", "processes", "services", "bundle_ids", "adapters",
        "interfaces", "apps", "notes", "sources"));
    return new VpnSignature(y.requiredString(m, "vpn"), oneOf(m, "category", VpnSignature.CATEGORIES, "consumer-vpn"),
        y.strings(m, "dprk_reporting"), patterns(m, "processes"), patterns(m, "services"),
        patterns(m, "bundle_ids"), patterns(m, "adapters"), patterns(m, "interfaces"), patterns(m, "apps"),
        origin(m));
  }

  private NetworkSignatures network(MappingNode root) {
    List<NetworkSignatures.Oui> ouis = new ArrayList<>();
    for (MappingNode m : y.mappings(root, "neighbor_ouis")) {
      y.unknownKeys(m, Set.of("oui", "device", "confidence"));
      String oui = y.requiredString(m, "oui").toLowerCase(Locale.ROOT);
      if (!oui.isEmpty() && !OUI.matcher(oui).matches()) {
        y.error(m, "oui: '%s' (expected: colon-separated hex, e.g. 30:52:53)", oui);
      }
      ouis.add(new NetworkSignatures.Oui(oui, y.string(m, "device", ""),
          oneOf(m, "confidence", UsbSignature.CONFIDENCES, "medium"), origin(m)));
    }
    List<NetworkSignatures.Named> subnets = named(root, "usb_subnets", "cidr");
    for (NetworkSignatures.Named s : subnets) {
      if (!CIDR.matcher(s.value()).matches()) {
        y.error(root, "usb_subnets: '%s' at %s (expected: a CIDR such as 172.30.30.0/24)", s.value(), s.origin());
      }
    }
    List<NetworkSignatures.Period> periods = new ArrayList<>();
    for (MappingNode m : y.mappings(root, "kvm_jiggle_periods")) {
      y.unknownKeys(m, Set.of("seconds", "device"));
      periods.add(new NetworkSignatures.Period((int) y.integer(m, "seconds", 0, 1, 3600),
          y.string(m, "device", ""), origin(m)));
    }
    return new NetworkSignatures(ouis, named(root, "mdns_names", "name"), subnets,
        named(root, "usb_nic_descriptions", "pattern"), named(root, "storage_inquiries", "pattern"), periods);
  }

  private List<NetworkSignatures.Named> named(MappingNode root, String section, String valueKey) {
    List<NetworkSignatures.Named> out = new ArrayList<>();
    for (MappingNode m : y.mappings(root, section)) {
      y.unknownKeys(m, Set.of(valueKey, "device"));
      out.add(new NetworkSignatures.Named(y.requiredString(m, valueKey), y.string(m, "device", ""), origin(m)));
    }
    return out;
  }

  private List<NamePattern> patterns(MappingNode m, String key) {
    List<NamePattern> out = new ArrayList<>();
    for (String s : y.strings(m, key)) {
      if (s.isBlank()) {
        y.error(m, "%s: an empty name (expected: a name or pattern)", key);
      } else {
        out.add(NamePattern.of(s));
      }
    }
    return out;
  }

  private String oneOf(MappingNode m, String key, Set<String> allowed, String fallback) {
    String v = y.string(m, key, "");
    if (v.isEmpty()) {
      y.error(m, "missing '%s' (expected one of: %s)", key, String.join(", ", new java.util.TreeSet<>(allowed)));
      return fallback;
    }
    if (!allowed.contains(v)) {
      y.error(y.get(m, key) == null ? m : y.get(m, key), "%s: '%s' (expected one of: %s)", key, v,
          String.join(", ", new java.util.TreeSet<>(allowed)));
      return fallback;
    }
    return v;
  }

  private String origin(MappingNode m) {
    return y.source() + ":" + YamlReader.line(m);
  }

  private static String any(@Nullable String s) {
    return s == null || s.equals("*") ? "" : s;
  }
}
