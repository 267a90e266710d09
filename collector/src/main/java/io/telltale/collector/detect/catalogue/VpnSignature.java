package io.telltale.collector.detect.catalogue;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;

/**
 * A VPN client, anonymizer or proxy.
 *
 * @param category consumer-vpn, vpn-protocol-client, anonymizer, proxy, mesh-vpn or corporate-vpn
 * @param adapters Windows adapter names or descriptions
 * @param interfaces interface names (Linux, macOS)
 */
public record VpnSignature(
    String vpn,
    String category,
    List<String> dprkReporting,
    List<NamePattern> processes,
    List<NamePattern> services,
    List<NamePattern> bundleIds,
    List<NamePattern> adapters,
    List<NamePattern> interfaces,
    List<NamePattern> apps,
    String origin) {

  public static final Set<String> CATEGORIES = Set.of(
      "consumer-vpn", "vpn-protocol-client", "anonymizer", "proxy", "mesh-vpn", "corporate-vpn");

  public VpnSignature {
    requireNonNull(vpn, "vpn");
    requireNonNull(category, "category");
    dprkReporting = List.copyOf(dprkReporting);
    processes = List.copyOf(processes);
    services = List.copyOf(services);
    bundleIds = List.copyOf(bundleIds);
    adapters = List.copyOf(adapters);
    interfaces = List.copyOf(interfaces);
    apps = List.copyOf(apps);
    requireNonNull(origin, "origin");
  }
}
