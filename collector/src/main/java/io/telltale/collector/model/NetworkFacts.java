package io.telltale.collector.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Network attachment as the agent sent it. MACs, SSID and BSSID are "hmac:&lt;hex&gt;" values in the
 * default privacy mode (plain only when the fleet runs in PLAIN mode); OUIs are always clear ("aa:bb:cc"). IP
 * addresses (interface addresses with their prefix length, the gateway, DNS servers) are canonical
 * ({@link IpAddresses}); ingest leaves out what is not an address.
 */
public record NetworkFacts(
    List<NetworkInterface> interfaces,
    @Nullable Gateway gateway,
    List<Neighbor> neighbors,
    @Nullable Wifi wifi,
    List<String> dnsServers,
    List<String> vpnConnections) {

  public NetworkFacts {
    interfaces = List.copyOf(interfaces);
    neighbors = List.copyOf(neighbors);
    dnsServers = List.copyOf(dnsServers);
    vpnConnections = List.copyOf(vpnConnections);
  }

  /** Kind of a network interface. */
  public enum InterfaceKind {
    ETHERNET,
    WIFI,
    TUNNEL,
    LOOPBACK,
    VIRTUAL,
    USB,
    OTHER
  }

  /** A network interface; addresses in CIDR form. */
  public record NetworkInterface(
      String name,
      String description,
      InterfaceKind kind,
      boolean up,
      List<String> addresses,
      String mac,
      String driver) {
    public NetworkInterface {
      requireNonNull(name, "name");
      requireNonNull(description, "description");
      requireNonNull(kind, "kind");
      addresses = List.copyOf(addresses);
      requireNonNull(mac, "mac");
      requireNonNull(driver, "driver");
    }
  }

  /** The default gateway; {@code mac} empty when not in the neighbour table. */
  public record Gateway(String ip, String mac, String macOui, String interfaceName) {
    public Gateway {
      requireNonNull(ip, "ip");
      requireNonNull(mac, "mac");
      requireNonNull(macOui, "macOui");
      requireNonNull(interfaceName, "interfaceName");
    }
  }

  /** A LAN neighbour; {@code hostname} empty when unknown. */
  public record Neighbor(String mac, String macOui, String hostname) {
    public Neighbor {
      requireNonNull(mac, "mac");
      requireNonNull(macOui, "macOui");
      requireNonNull(hostname, "hostname");
    }
  }

  /** Wi-Fi association; empty strings when not readable. */
  public record Wifi(String ssid, String bssid, String bssidOui) {
    public Wifi {
      requireNonNull(ssid, "ssid");
      requireNonNull(bssid, "bssid");
      requireNonNull(bssidOui, "bssidOui");
    }
  }
}
