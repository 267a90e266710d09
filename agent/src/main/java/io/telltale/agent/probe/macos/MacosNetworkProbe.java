package io.telltale.agent.probe.macos;

import io.telltale.agent.probe.Failures;
import io.telltale.agent.probe.NetworkFacts;
import io.telltale.agent.probe.NetworkFacts.InterfaceKind;
import io.telltale.agent.probe.ProbeException;
import io.telltale.agent.probe.common.AbstractProbe;
import io.telltale.agent.probe.common.Command;
import io.telltale.agent.probe.common.JvmInterfaces;
import io.telltale.agent.probe.common.NeighborTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Network geography on macOS: interfaces from the JVM with Wi-Fi found through {@code networksetup
 * -listallhardwareports}, the default route from {@code route -n get default}, neighbours from
 * {@code arp -an}, resolvers from {@code scutil --dns}, the Wi-Fi association from {@code ipconfig getsummary}
 * (recent releases redact the SSID without Location Services: then it is reported empty) and VPN services
 * from {@code scutil --nc list}.
 */
final class MacosNetworkProbe extends AbstractProbe<NetworkFacts> {

  MacosNetworkProbe() {
    super("network");
  }

  @Override
  protected NetworkFacts collect(Failures failures) throws ProbeException {
    Map<String, String> ports = part("interfaces", failures,
        () -> parseHardwarePorts(Command.run("networksetup", "-listallhardwareports")));
    Map<String, InterfaceKind> kinds = new LinkedHashMap<>();
    String wifiDevice = null;
    if (ports != null) {
      for (Map.Entry<String, String> e : ports.entrySet()) {
        if (e.getValue().equals("Wi-Fi") || e.getValue().equals("AirPort")) {
          kinds.put(e.getKey(), InterfaceKind.WIFI);
          wifiDevice = e.getKey();
        }
      }
    }
    List<NetworkFacts.NetworkInterface> interfaces = JvmInterfaces.list(kinds, ports == null ? Map.of() : ports);
    String[] route = part("gateway", failures, () -> parseRouteGet(Command.run("route", "-n", "get", "default")));
    List<String[]> arp = part("neighbors", failures, () -> parseArp(Command.run("arp", "-an")));
    NeighborTable table = new NeighborTable(route, arp == null ? List.of() : arp);
    List<String> dns = part("dns", failures, () -> parseScutilDns(Command.run("scutil", "--dns")));
    NetworkFacts.Wifi wifi = null;
    if (wifiDevice != null) {
      String dev = wifiDevice;
      wifi = part("wifi", failures, () -> parseIpconfigSummary(Command.run("ipconfig", "getsummary", dev)));
    }
    List<String> vpns = part("vpn", failures, () -> parseScutilNc(Command.run("scutil", "--nc", "list")));
    return new NetworkFacts(interfaces, table.gateway(), table.neighbors(), wifi, dns == null ? List.of() : dns,
        vpns == null ? List.of() : vpns);
  }

  /** {@code networksetup -listallhardwareports}: device → hardware port name. */
  static Map<String, String> parseHardwarePorts(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    String port = null;
    for (String line : text.split("\n")) {
      if (line.startsWith("Hardware Port: ")) {
        port = line.substring(15).trim();
      } else if (line.startsWith("Device: ") && port != null) {
        out.put(line.substring(8).trim(), port);
        port = null;
      }
    }
    return out;
  }

  /** {@code route -n get default}: {gateway, interface}; null without a default route. */
  static String @Nullable [] parseRouteGet(String text) {
    String gw = null;
    String itf = "";
    for (String line : text.split("\n")) {
      String t = line.trim();
      if (t.startsWith("gateway:")) {
        gw = t.substring(8).trim();
      } else if (t.startsWith("interface:")) {
        itf = t.substring(10).trim();
      }
    }
    return gw == null ? null : new String[] {gw, itf};
  }

  /** {@code arp -an}: {ip, mac} of resolved entries ("(incomplete)" skipped, broadcast skipped). */
  static List<String[]> parseArp(String text) {
    List<String[]> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      int open = line.indexOf('(');
      int close = line.indexOf(')');
      int at = line.indexOf(" at ");
      if (open < 0 || close < open || at < 0) {
        continue;
      }
      String mac = line.substring(at + 4).trim().split("\\s+")[0];
      if (mac.contains(":") && !mac.equalsIgnoreCase("ff:ff:ff:ff:ff:ff")) {
        out.add(new String[] {line.substring(open + 1, close), mac});
      }
    }
    return out;
  }

  /** {@code scutil --dns}: distinct {@code nameserver[n] : ip} values of the resolvers, in order. */
  static List<String> parseScutilDns(String text) {
    List<String> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      String t = line.trim();
      if (t.startsWith("nameserver[")) {
        String ip = t.substring(t.indexOf(':') + 1).trim();
        if (!out.contains(ip)) {
          out.add(ip);
        }
      }
    }
    return out;
  }

  /** {@code ipconfig getsummary en0}: SSID and BSSID ("<redacted>" becomes ""); null when not associated. */
  static NetworkFacts.@Nullable Wifi parseIpconfigSummary(String text) {
    String ssid = null;
    String bssid = "";
    for (String line : text.split("\n")) {
      String t = line.trim();
      if (t.startsWith("SSID : ")) {
        ssid = t.substring(7).trim();
      } else if (t.startsWith("BSSID : ")) {
        bssid = t.substring(8).trim();
      }
    }
    if (ssid == null) {
      return null;
    }
    return new NetworkFacts.Wifi(ssid.equals("<redacted>") ? "" : ssid, bssid.equals("<redacted>") ? "" : bssid);
  }

  /** {@code scutil --nc list}: names of connected VPN services. */
  static List<String> parseScutilNc(String text) {
    List<String> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.contains("(Connected)")) {
        int q1 = line.indexOf('"');
        int q2 = line.indexOf('"', q1 + 1);
        if (q1 >= 0 && q2 > q1) {
          out.add(line.substring(q1 + 1, q2));
        }
      }
    }
    return out;
  }
}
