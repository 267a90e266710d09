package io.telltale.agent.probe.common;

import io.telltale.agent.probe.NetworkFacts.InterfaceKind;
import java.util.Locale;

/**
 * Classifies network interfaces by the names and descriptions OSes give VPN, tunnel and virtual adapters
 * (wg*, tun*, utun*, tailscale0, nordlynx, "TAP-Windows Adapter V9", "Remote NDIS Compatible Device", ...).
 * Per-OS probes use it when the OS's own type information does not settle the kind.
 */
public final class InterfaceKinds {

  private static final String[] TUNNEL_PREFIXES = {"wg", "tun", "tap", "utun", "ipsec", "ppp", "tailscale",
      "nordlynx", "zt", "wt", "gpd", "cscotun", "proton", "mullvad", "astrill", "ztun"};
  private static final String[] TUNNEL_WORDS = {"wireguard", "tap-windows", "tap adapter", "openvpn", "vpn",
      "tunnel", "tailscale", "zerotier", "wintun", "nordlynx", "astrill", "cloudflare warp", "fortinet",
      "anyconnect", "globalprotect", "pangp"};
  private static final String[] VIRTUAL_PREFIXES = {"docker", "br-", "virbr", "veth", "vmnet", "vboxnet", "lxc",
      "lxd", "cni", "flannel", "cali", "bridge", "vnic", "awdl", "llw", "anpi", "ap1", "gif", "stf"};
  private static final String[] VIRTUAL_WORDS = {"hyper-v", "virtualbox", "vmware", "virtual ethernet",
      "loopback pseudo", "bluetooth", "wi-fi direct", "kernel debug"};
  private static final String[] USB_WORDS = {"remote ndis", "rndis", "cdc ecm", "cdc ncm", "usb ethernet",
      "ndis compatible"};

  private InterfaceKinds() {}

  /** The kind implied by name and description; {@code fallback} when neither says anything. */
  public static InterfaceKind classify(String name, String description, InterfaceKind fallback) {
    String n = name.toLowerCase(Locale.ROOT);
    String d = description.toLowerCase(Locale.ROOT);
    if (n.equals("lo") || n.startsWith("lo0") || d.contains("loopback interface")) {
      return InterfaceKind.LOOPBACK;
    }
    for (String w : USB_WORDS) {
      if (d.contains(w)) {
        return InterfaceKind.USB;
      }
    }
    for (String p : TUNNEL_PREFIXES) {
      if (n.startsWith(p)) {
        return InterfaceKind.TUNNEL;
      }
    }
    for (String w : TUNNEL_WORDS) {
      if (d.contains(w) || n.contains(w)) {
        return InterfaceKind.TUNNEL;
      }
    }
    for (String p : VIRTUAL_PREFIXES) {
      if (n.startsWith(p)) {
        return InterfaceKind.VIRTUAL;
      }
    }
    for (String w : VIRTUAL_WORDS) {
      if (d.contains(w)) {
        return InterfaceKind.VIRTUAL;
      }
    }
    return fallback;
  }
}
