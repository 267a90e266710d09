package io.telltale.agent.probe;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Network attachment. MACs, SSID and BSSID are the observed plain values here; the transport hashes them
 * according to the fleet's privacy mode before anything leaves the device.
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

  /** A network interface; addresses in CIDR form; {@code mac} lower-case colon form or empty. */
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
  public record Gateway(String ip, String mac, String interfaceName) {
    public Gateway {
      requireNonNull(ip, "ip");
      requireNonNull(mac, "mac");
      requireNonNull(interfaceName, "interfaceName");
    }
  }

  /** A LAN neighbour from the ARP / neighbour table; {@code hostname} empty when unknown. */
  public record Neighbor(String mac, String hostname) {
    public Neighbor {
      requireNonNull(mac, "mac");
      requireNonNull(hostname, "hostname");
    }
  }

  /** Wi-Fi association; empty strings when not readable. */
  public record Wifi(String ssid, String bssid) {
    public Wifi {
      requireNonNull(ssid, "ssid");
      requireNonNull(bssid, "bssid");
    }
  }
}
