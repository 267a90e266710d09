package io.telltale.agent.probe.windows;

import com.fasterxml.jackson.databind.JsonNode;
import io.telltale.agent.probe.Failures;
import io.telltale.agent.probe.NetworkFacts;
import io.telltale.agent.probe.ProbeException;
import io.telltale.agent.probe.common.AbstractProbe;
import io.telltale.agent.probe.common.Command;
import io.telltale.agent.probe.common.JvmInterfaces;
import io.telltale.agent.probe.common.NeighborTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Network geography on Windows: interfaces from the JVM (names and descriptions such as "TAP-Windows Adapter
 * V9" or "Remote NDIS Compatible Device" give the kind), default route, neighbours and resolvers from one
 * PowerShell call ({@code Get-NetRoute}, {@code Get-NetNeighbor}, {@code Get-DnsClientServerAddress}), and
 * the Wi-Fi association from {@code netsh wlan show interfaces} (Windows 11 24H2 hides SSID/BSSID without
 * location permission: then they are empty).
 */
final class WindowsNetworkProbe extends AbstractProbe<NetworkFacts> {

  static final String SCRIPT = "@{routes=@(Get-NetRoute -DestinationPrefix '0.0.0.0/0' -ErrorAction SilentlyContinue "
      + "| Select-Object NextHop,InterfaceAlias,RouteMetric); neighbors=@(Get-NetNeighbor -AddressFamily IPv4 "
      + "-ErrorAction SilentlyContinue | Select-Object IPAddress,LinkLayerAddress,State,InterfaceAlias); "
      + "dns=@(Get-DnsClientServerAddress -ErrorAction SilentlyContinue | Select-Object InterfaceAlias,AddressFamily,"
      + "ServerAddresses)} | ConvertTo-Json -Depth 4";

  WindowsNetworkProbe() {
    super("network");
  }

  @Override
  protected NetworkFacts collect(Failures failures) throws ProbeException {
    List<NetworkFacts.NetworkInterface> interfaces = JvmInterfaces.list(Map.of(), Map.of());
    JsonNode tables = PowerShell.array(PowerShell.run(SCRIPT)).path(0);
    String[] route = defaultRoute(tables.path("routes"));
    List<String[]> neighbors = neighbors(tables.path("neighbors"));
    NeighborTable table = new NeighborTable(route, neighbors);
    NetworkFacts.Wifi wifi = part("wifi", failures, () -> parseNetshWlan(Command.run("netsh", "wlan", "show",
        "interfaces")));
    return new NetworkFacts(interfaces, table.gateway(), table.neighbors(), wifi, dns(tables.path("dns")), List.of());
  }

  /** {NextHop, InterfaceAlias} of the default route with the lowest metric; null when none. */
  static String @Nullable [] defaultRoute(JsonNode routes) {
    String[] best = null;
    long metric = Long.MAX_VALUE;
    for (JsonNode r : routes) {
      String hop = PowerShell.text(r, "NextHop");
      if (!hop.isEmpty() && !hop.equals("0.0.0.0") && r.path("RouteMetric").asLong(0) < metric) {
        metric = r.path("RouteMetric").asLong(0);
        best = new String[] {hop, PowerShell.text(r, "InterfaceAlias")};
      }
    }
    return best;
  }

  /**
   * {IP, MAC} of usable neighbours; State is a number in ConvertTo-Json (0 Unreachable, 1 Incomplete, 2 Probe,
   * 3 Delay, 4 Stale, 5 Reachable, 6 Permanent) or its name with {@code -EnumsAsStrings}.
   */
  static List<String[]> neighbors(JsonNode list) {
    List<String[]> out = new ArrayList<>();
    for (JsonNode n : list) {
      String mac = PowerShell.text(n, "LinkLayerAddress");
      String state = PowerShell.text(n, "State");
      boolean usable = !(state.equals("0") || state.equals("1") || state.equals("Unreachable")
          || state.equals("Incomplete") || state.equals("6") || state.equals("Permanent"));
      if (usable && !mac.isEmpty() && !mac.equals("00-00-00-00-00-00") && !mac.equalsIgnoreCase("FF-FF-FF-FF-FF-FF")) {
        out.add(new String[] {PowerShell.text(n, "IPAddress"), mac});
      }
    }
    return out;
  }

  static List<String> dns(JsonNode list) {
    List<String> out = new ArrayList<>();
    for (JsonNode d : list) {
      for (JsonNode a : d.path("ServerAddresses")) {
        if (!out.contains(a.asText())) {
          out.add(a.asText());
        }
      }
    }
    return out;
  }

  /** {@code netsh wlan show interfaces}: SSID/BSSID of the connected interface; null when not connected. */
  static NetworkFacts.@Nullable Wifi parseNetshWlan(String text) {
    String ssid = null;
    String bssid = "";
    boolean connected = false;
    for (String line : text.split("\r?\n")) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = line.substring(0, colon).trim();
      String value = line.substring(colon + 1).trim();
      switch (key) {
        case "State" -> connected = value.equals("connected");
        case "SSID" -> ssid = value;
        case "BSSID", "AP BSSID" -> bssid = value;
        default -> { }
      }
    }
    return connected && ssid != null ? new NetworkFacts.Wifi(ssid, bssid) : null;
  }
}
