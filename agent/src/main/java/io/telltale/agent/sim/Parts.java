package io.telltale.agent.sim;

import io.telltale.agent.sim.Scenario.Employee;
import io.telltale.agent.sim.Scenario.Neighbor;
import io.telltale.agent.sim.Scenario.Network;
import io.telltale.agent.sim.Scenario.Wifi;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Readers of networks, employees and address values. */
final class Parts {

  private static final Pattern IPV4 = Pattern.compile(
      "((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])");
  private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-fA-F:.]+");

  private Parts() {}

  static Network network(String id, JsonCursor c) {
    c.object(Set.of("public_ip", "country", "asn", "as_org", "kind", "gateway_ip", "gateway_mac", "wifi",
        "lan_prefix", "dns", "rtt_ms"), Set.of("region", "city", "neighbors"));
    Wifi wifi = null;
    if (!c.isNull("wifi")) {
      JsonCursor w = c.get("wifi").object(Set.of("ssid", "bssid"), Set.of());
      wifi = new Wifi(w.string("ssid"), w.matching("bssid", ScenarioLoader.MAC, "a lower-case MAC aa:bb:cc:dd:ee:ff"));
    }
    List<String> dns = new ArrayList<>();
    for (JsonCursor d : c.array("dns")) {
      dns.add(ip(d));
    }
    List<Neighbor> neighbors = new ArrayList<>();
    if (c.has("neighbors")) {
      for (JsonCursor n : c.array("neighbors")) {
        n.object(Set.of("mac", "hostname"), Set.of());
        neighbors.add(new Neighbor(n.matching("mac", ScenarioLoader.MAC, "a lower-case MAC aa:bb:cc:dd:ee:ff"),
            n.string("hostname")));
      }
    }
    return new Network(id, ip(c.get("public_ip")),
        c.matching("country", ScenarioLoader.COUNTRY, "an ISO 3166-1 alpha-2 code, e.g. US"),
        c.string("region", ""), c.string("city", ""), c.integer("asn", 0, 4_294_967_295L), c.string("as_org"),
        c.oneOf("kind", Set.of("residential", "mobile", "business", "hosting", "vpn", "corporate")),
        ip(c.get("gateway_ip")),
        c.matching("gateway_mac", ScenarioLoader.MAC, "a lower-case MAC aa:bb:cc:dd:ee:ff"),
        wifi, cidr(c.get("lan_prefix")), dns, c.number("rtt_ms", 0, Double.MAX_VALUE), neighbors);
  }

  static Employee employee(String id, JsonCursor c) {
    c.object(Set.of("name", "country", "timezone"), Set.of("email", "region"));
    return new Employee(id, c.string("name"), c.string("email", ""),
        c.matching("country", ScenarioLoader.COUNTRY, "an ISO 3166-1 alpha-2 code, e.g. US"),
        c.string("region", ""), ScenarioLoader.zone(c, "timezone").getId());
  }

  /** An IPv4 or IPv6 literal (never resolved as a host name). */
  static String ip(JsonCursor c) {
    String v = c.text(Pattern.compile(".*"), "an IPv4 or IPv6 address");
    if (!isIp(v)) {
      throw c.error("an IPv4 or IPv6 address");
    }
    return v;
  }

  static boolean isIp(String v) {
    if (IPV4.matcher(v).matches()) {
      return true;
    }
    if (!v.contains(":") || !IPV6_CHARS.matcher(v).matches()) {
      return false;
    }
    try {
      InetAddress.getByName(v); // a literal containing ':' is parsed, never looked up
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  static String cidr(JsonCursor c) {
    String v = c.text(Pattern.compile(".*"), "a CIDR prefix, e.g. 192.168.0.0/24");
    int slash = v.indexOf('/');
    if (slash < 0 || !isIp(v.substring(0, slash)) || !v.substring(slash + 1).matches("[0-9]{1,3}")) {
      throw c.error("a CIDR prefix, e.g. 192.168.0.0/24");
    }
    int bits = Integer.parseInt(v.substring(slash + 1));
    if (bits > (v.contains(":") ? 128 : 32)) {
      throw c.error("a CIDR prefix, e.g. 192.168.0.0/24");
    }
    return v;
  }
}
