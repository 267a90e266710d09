package io.telltale.collector.evaluate;

import io.telltale.agent.sim.Scenario;
import io.telltale.collector.detect.geo.IpInfo;
import io.telltale.collector.detect.geo.IpKind;
import io.telltale.collector.detect.geo.PrefixFileIntel;
import io.telltale.collector.store.RosterEmployee;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes what a company would give the collector about a scenario's world, in the collector's own input
 * formats: the HR roster (device serials to employees) and the registration data of the networks' public
 * IPs (an IP-intelligence prefix file). Detection then reads them exactly as in production.
 */
final class ScenarioWorld {

  private ScenarioWorld() {}

  /** The scenario's employees and their laptops, as a roster import. */
  static List<RosterEmployee> roster(Scenario s) {
    java.util.Map<String, List<String>> serials = new java.util.LinkedHashMap<>();
    for (Scenario.Device d : s.devices()) {
      serials.computeIfAbsent(d.employee(), k -> new ArrayList<>()).add(d.serial());
    }
    List<RosterEmployee> out = new ArrayList<>();
    for (Scenario.Employee e : s.employees().values()) {
      out.add(new RosterEmployee(e.id(), e.name(), e.email(), e.country(), e.region(), e.timezone(),
          serials.getOrDefault(e.id(), List.of()), List.of(), List.of()));
    }
    return out;
  }

  static Path writeIpIntel(Scenario s, Path dir) throws IOException {
    Set<String> lines = new LinkedHashSet<>();
    lines.add("# cidr,country,region,city,asn,org,kind (written by evaluate from " + s.name() + ")");
    for (Scenario.Network n : s.networks().values()) {
      String cidr = n.publicIp() + (n.publicIp().contains(":") ? "/128" : "/32");
      lines.add(PrefixFileIntel.line(cidr, new IpInfo(n.country(), n.region(), n.city(), n.asn(), n.asOrg(),
          IpKind.parse(n.kind()))));
    }
    Path file = dir.resolve("ip-intel.csv");
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file;
  }
}
