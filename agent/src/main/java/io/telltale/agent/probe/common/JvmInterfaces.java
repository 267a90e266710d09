package io.telltale.agent.probe.common;

import io.telltale.agent.probe.NetworkFacts.InterfaceKind;
import io.telltale.agent.probe.NetworkFacts.NetworkInterface;
import io.telltale.agent.probe.ProbeException;
import java.net.InterfaceAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Network interfaces as the JVM sees them (names, state, addresses, MAC); the kind comes from the caller. */
public final class JvmInterfaces {

  private JvmInterfaces() {}

  /**
   * Every interface; {@code kinds} and {@code descriptions} (by name) override the name-based classification.
   */
  public static List<NetworkInterface> list(Map<String, InterfaceKind> kinds, Map<String, String> descriptions)
      throws ProbeException {
    List<NetworkInterface> out = new ArrayList<>();
    try {
      for (java.net.NetworkInterface ni : Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
        List<String> addresses = new ArrayList<>();
        for (InterfaceAddress a : ni.getInterfaceAddresses()) {
          String host = a.getAddress().getHostAddress();
          int pct = host.indexOf('%');
          addresses.add((pct > 0 ? host.substring(0, pct) : host) + "/" + a.getNetworkPrefixLength());
        }
        byte[] hw = ni.getHardwareAddress();
        String mac = hw == null || hw.length != 6 ? "" : HexFormat.ofDelimiter(":").formatHex(hw);
        String description = descriptions.getOrDefault(ni.getName(), ni.getDisplayName());
        InterfaceKind kind = kinds.containsKey(ni.getName()) ? kinds.get(ni.getName())
            : InterfaceKinds.classify(ni.getName(), description,
                ni.isLoopback() ? InterfaceKind.LOOPBACK : ni.isVirtual() ? InterfaceKind.VIRTUAL
                    : mac.isEmpty() ? InterfaceKind.OTHER : InterfaceKind.ETHERNET);
        out.add(new NetworkInterface(ni.getName(), description.equals(ni.getName()) ? "" : description, kind,
            ni.isUp(), addresses, mac, ""));
      }
    } catch (SocketException e) {
      throw new ProbeException("interfaces unreadable: " + e.getClass().getSimpleName(), e);
    }
    return out;
  }
}
