package io.telltale.collector.detect.catalogue;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;

/**
 * A remote-access product family and the identifiers that reveal it on a laptop.
 *
 * @param category remote-desktop, rmm, vnc, screen-share, software-kvm, mesh-vpn or tunnel
 * @param dprkReporting reports naming the family in DPRK IT-worker cases; empty = none known
 * @param services Windows services, launchd labels and systemd units
 * @param listenPorts "port/proto" listeners the tool opens
 * @param weak built into the OS or usually deployed by IT: context, not an unsanctioned tool
 * @param origin file and line the entry came from
 */
public record RemoteToolFamily(
    String family,
    String category,
    List<String> dprkReporting,
    List<NamePattern> processes,
    List<NamePattern> services,
    List<NamePattern> bundleIds,
    List<NamePattern> signers,
    List<NamePattern> apps,
    List<String> listenPorts,
    List<NamePattern> sessionTools,
    boolean weak,
    String origin) {

  /** Categories whose tools let someone drive the laptop's desktop. */
  public static final Set<String> REMOTE_CONTROL = Set.of("remote-desktop", "rmm", "vnc", "screen-share");

  public static final Set<String> CATEGORIES =
      Set.of("remote-desktop", "rmm", "vnc", "screen-share", "software-kvm", "mesh-vpn", "tunnel");

  public RemoteToolFamily {
    requireNonNull(family, "family");
    requireNonNull(category, "category");
    dprkReporting = List.copyOf(dprkReporting);
    processes = List.copyOf(processes);
    services = List.copyOf(services);
    bundleIds = List.copyOf(bundleIds);
    signers = List.copyOf(signers);
    apps = List.copyOf(apps);
    listenPorts = List.copyOf(listenPorts);
    sessionTools = List.copyOf(sessionTools);
    requireNonNull(origin, "origin");
  }

  /** Whether the family drives a desktop (as opposed to tunnels, mesh VPNs and software KVMs). */
  public boolean remoteControl() {
    return REMOTE_CONTROL.contains(category);
  }
}
