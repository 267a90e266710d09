package io.telltale.agent.probe.linux;

import io.telltale.agent.probe.Failures;
import io.telltale.agent.probe.HostRoot;
import io.telltale.agent.probe.NetworkFacts;
import io.telltale.agent.probe.NetworkFacts.InterfaceKind;
import io.telltale.agent.probe.NetworkFacts.NetworkInterface;
import io.telltale.agent.probe.ProbeException;
import io.telltale.agent.probe.common.AbstractProbe;
import io.telltale.agent.probe.common.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Network geography on Linux: interfaces from {@code /sys/class/net} (kind from sysfs type, wireless and
 * tun markers and the bound driver), addresses from the JVM on a live root ({@code /proc/net/if_inet6}
 * otherwise), default gateway from {@code /proc/net/route}, neighbours from {@code /proc/net/arp}, resolvers
 * from {@code resolv.conf}, and, on a live root with a wireless interface, Wi-Fi and VPN connections from
 * {@code nmcli -t}.
 */
final class LinuxNetworkProbe extends AbstractProbe<NetworkFacts> {

  private static final String NET = "/sys/class/net";

  private final HostRoot root;

  LinuxNetworkProbe(HostRoot root) {
    super("network");
    this.root = root;
  }

  @Override
  protected NetworkFacts collect(Failures failures) throws ProbeException {
    Map<String, List<String>> addresses = root.isLive() ? LinuxNetParsers.liveAddresses()
        : LinuxNetParsers.parseIfInet6(root.readOr("/proc/net/if_inet6", ""));
    List<NetworkInterface> interfaces = new ArrayList<>();
    List<String> names = part("interfaces", failures, () -> root.list(NET));
    for (String name : names == null ? List.<String>of() : names) {
      interfaces.add(networkInterface(name, addresses.getOrDefault(name, List.of())));
    }
    List<LinuxNetParsers.ArpEntry> arp = part("neighbors", failures,
        () -> LinuxNetParsers.parseArp(root.read("/proc/net/arp")));
    if (arp == null) {
      arp = List.of();
    }
    String[] route = part("gateway", failures, () -> LinuxNetParsers.parseDefaultRoute(root.read("/proc/net/route")));
    NetworkFacts.Gateway gateway = null;
    if (route != null) {
      gateway = new NetworkFacts.Gateway(route[0], LinuxNetParsers.macOf(arp, route[0]), route[1]);
    }
    List<NetworkFacts.Neighbor> neighbors = new ArrayList<>();
    for (LinuxNetParsers.ArpEntry e : arp) {
      if (gateway == null || !e.ip().equals(gateway.ip())) {
        neighbors.add(new NetworkFacts.Neighbor(e.mac(), ""));
      }
    }
    List<String> dns = part("dns", failures, this::dnsServers);
    NetworkFacts.Wifi wifi = null;
    List<String> vpns = List.of();
    if (root.isLive()) {
      boolean hasWifi = interfaces.stream().anyMatch(i -> i.kind() == InterfaceKind.WIFI);
      if (hasWifi) {
        wifi = part("wifi", failures, () -> LinuxNetParsers.parseNmcliWifi(
            Command.run("nmcli", "-t", "-f", "ACTIVE,SSID,BSSID", "dev", "wifi", "list", "--rescan", "no")));
      }
      List<String> active = part("vpn", failures, () -> LinuxNetParsers.parseNmcliVpns(
          Command.run("nmcli", "-t", "-f", "NAME,TYPE", "connection", "show", "--active")));
      vpns = active == null ? List.of() : active;
    }
    return new NetworkFacts(interfaces, gateway, neighbors, wifi, dns == null ? List.of() : dns, vpns);
  }

  private NetworkInterface networkInterface(String name, List<String> addresses) {
    String dir = NET + "/" + name;
    int type = io.telltale.agent.probe.common.Parse.toInt(root.readOr(dir + "/type", ""), -1);
    String driver = LinuxUsbProbe.baseName(root.readLink(dir + "/device/driver"));
    String device = LinuxUsbProbe.baseName(root.readLink(dir + "/device"));
    String uevent = root.readOr(dir + "/uevent", "");
    InterfaceKind kind = LinuxNetParsers.kind(name, type, driver, device,
        root.exists(dir + "/wireless") || root.exists(dir + "/phy80211"), root.exists(dir + "/tun_flags"),
        uevent, root.readLink(dir).contains("/virtual/"));
    String operstate = root.readOr(dir + "/operstate", "");
    boolean up = operstate.equals("up") || (operstate.equals("unknown") && kind != InterfaceKind.OTHER
        && (io.telltale.agent.probe.common.Parse.hexToInt(root.readOr(dir + "/flags", ""), 0) & 0x1) != 0);
    String mac = type == 1 ? root.readOr(dir + "/address", "") : "";
    return new NetworkInterface(name, "", kind, up, addresses,
        mac.equals("00:00:00:00:00:00") ? "" : mac, driver);
  }

  private List<String> dnsServers() throws ProbeException {
    List<String> servers = LinuxNetParsers.parseResolvConf(root.read("/etc/resolv.conf"));
    if (servers.equals(List.of("127.0.0.53")) && root.exists("/run/systemd/resolve/resolv.conf")) {
      return LinuxNetParsers.parseResolvConf(root.read("/run/systemd/resolve/resolv.conf")); // resolved's upstreams
    }
    return servers;
  }

  static InterfaceKind fallbackKind(int type) {
    return switch (type) {
      case 1 -> InterfaceKind.ETHERNET;
      case 772 -> InterfaceKind.LOOPBACK;
      case 65534, 768, 769, 776, 778, 512 -> InterfaceKind.TUNNEL; // none (tun/wg), ipip, ip6ip6, sit, gre, ppp
      default -> InterfaceKind.OTHER;
    };
  }
}
