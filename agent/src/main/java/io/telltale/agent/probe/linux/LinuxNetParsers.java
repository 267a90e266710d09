package io.telltale.agent.probe.linux;

import io.telltale.agent.probe.NetworkFacts.InterfaceKind;
import io.telltale.agent.probe.NetworkFacts.Wifi;
import io.telltale.agent.probe.common.InterfaceKinds;
import io.telltale.agent.probe.common.Parse;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Pure parsers of Linux network files and {@code nmcli -t} output. */
final class LinuxNetParsers {

  /** Drivers of USB network functions (an IP-KVM's RNDIS/ECM/NCM gadget shows up as one of these). */
  private static final Set<String> USB_NET_DRIVERS = Set.of("rndis_host", "cdc_ether", "cdc_ncm", "cdc_eem",
      "r8152", "ax88179_178a", "asix", "cdc_mbim", "qmi_wwan");

  private LinuxNetParsers() {}

  /** One complete ARP entry. */
  record ArpEntry(String ip, String mac, String device) {}

  /** /proc/net/arp: complete entries (flags 0x2) with a real MAC. */
  static List<ArpEntry> parseArp(String text) {
    List<ArpEntry> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f.length < 6 || f[0].equals("IP")) {
        continue;
      }
      int flags = Parse.hexToInt(f[2], 0);
      if ((flags & 0x2) != 0 && !f[3].equals("00:00:00:00:00:00")) {
        out.add(new ArpEntry(f[0], f[3].toLowerCase(Locale.ROOT), f[5]));
      }
    }
    return out;
  }

  /** The MAC the ARP table holds for {@code ip}, "" when none. */
  static String macOf(List<ArpEntry> arp, String ip) {
    return arp.stream().filter(e -> e.ip().equals(ip)).map(ArpEntry::mac).findFirst().orElse("");
  }

  /**
   * /proc/net/route: {gateway IP, interface} of the default route with the lowest metric (flags
   * RTF_UP|RTF_GATEWAY); null when there is no default route.
   */
  static String @Nullable [] parseDefaultRoute(String text) {
    String[] best = null;
    int bestMetric = Integer.MAX_VALUE;
    for (String line : text.split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f.length < 8 || f[0].equals("Iface")) {
        continue;
      }
      int flags = Parse.hexToInt(f[3], 0);
      if (f[1].equals("00000000") && f[7].equals("00000000") && (flags & 0x3) == 0x3) {
        int metric = Parse.toInt(f[6], 0);
        if (metric < bestMetric) {
          bestMetric = metric;
          best = new String[] {ipv4LittleEndian(f[2]), f[0]};
        }
      }
    }
    return best;
  }

  /** "0101A8C0" (little-endian hex, as /proc/net prints IPv4) → "192.168.1.1". */
  static String ipv4LittleEndian(String hex) {
    long v = Parse.hexToLong(hex, 0);
    return (v & 0xFF) + "." + ((v >> 8) & 0xFF) + "." + ((v >> 16) & 0xFF) + "." + ((v >> 24) & 0xFF);
  }

  /** nameserver lines of a resolv.conf. */
  static List<String> parseResolvConf(String text) {
    List<String> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f.length >= 2 && f[0].equals("nameserver") && !out.contains(f[1])) {
        out.add(f[1]);
      }
    }
    return out;
  }

  /** /proc/net/if_inet6: interface → IPv6 addresses in CIDR form (offline roots have no IPv4 source). */
  static Map<String, List<String>> parseIfInet6(String text) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f.length < 6 || f[0].length() != 32) {
        continue;
      }
      String addr;
      try {
        addr = java.net.InetAddress.getByAddress(java.util.HexFormat.of().parseHex(f[0])).getHostAddress();
      } catch (java.net.UnknownHostException | IllegalArgumentException e) {
        continue; // not 16 bytes of hex: a damaged line
      }
      out.computeIfAbsent(f[5], k -> new ArrayList<>()).add(addr + "/" + Parse.hexToInt(f[2], 0));
    }
    return out;
  }

  /** The live machine's interface addresses, from the JVM. */
  static Map<String, List<String>> liveAddresses() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    try {
      for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        List<String> list = new ArrayList<>();
        for (InterfaceAddress a : ni.getInterfaceAddresses()) {
          String host = a.getAddress().getHostAddress();
          int pct = host.indexOf('%');
          list.add((pct > 0 ? host.substring(0, pct) : host) + "/" + a.getNetworkPrefixLength());
        }
        out.put(ni.getName(), list);
      }
    } catch (SocketException e) {
      // No addresses readable: interfaces are still reported from sysfs, without addresses.
    }
    return out;
  }

  /** Kind of a sysfs interface from the facts sysfs gives. */
  static InterfaceKind kind(String name, int type, String driver, String deviceLink, boolean wireless,
      boolean tun, String uevent, boolean virtualDevice) {
    if (type == 772) {
      return InterfaceKind.LOOPBACK;
    }
    if (wireless || uevent.contains("DEVTYPE=wlan")) {
      return InterfaceKind.WIFI;
    }
    if (tun || uevent.contains("DEVTYPE=wireguard") || driver.equals("wireguard")) {
      return InterfaceKind.TUNNEL;
    }
    if (USB_NET_DRIVERS.contains(driver) || deviceLink.matches("\\d+-[\\d.]+:\\d+\\.\\d+")) {
      return InterfaceKind.USB;
    }
    InterfaceKind byName = InterfaceKinds.classify(name, "", InterfaceKind.OTHER);
    if (byName != InterfaceKind.OTHER) {
      return byName;
    }
    if (uevent.contains("DEVTYPE=bridge") || uevent.contains("DEVTYPE=vlan") || virtualDevice) {
      return InterfaceKind.VIRTUAL;
    }
    return LinuxNetworkProbe.fallbackKind(type);
  }

  /** {@code nmcli -t -f ACTIVE,SSID,BSSID dev wifi list}: the active line; null when not associated. */
  static @Nullable Wifi parseNmcliWifi(String text) {
    for (String line : text.split("\n")) {
      List<String> f = splitTerse(line);
      if (f.size() >= 3 && f.get(0).equals("yes")) {
        return new Wifi(f.get(1), f.get(2).toLowerCase(Locale.ROOT));
      }
    }
    return null;
  }

  /** {@code nmcli -t -f NAME,TYPE connection show --active}: names of VPN and WireGuard connections. */
  static List<String> parseNmcliVpns(String text) {
    List<String> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      List<String> f = splitTerse(line);
      if (f.size() >= 2 && (f.get(1).equals("vpn") || f.get(1).equals("wireguard"))) {
        out.add(f.get(0));
      }
    }
    return out;
  }

  /** Splits nmcli terse output: fields separated by ':', with '\:' and '\\' escaped. */
  static List<String> splitTerse(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length()) {
        cur.append(line.charAt(++i));
      } else if (c == ':') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }
}
