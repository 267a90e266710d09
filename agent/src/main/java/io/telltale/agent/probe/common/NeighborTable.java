package io.telltale.agent.probe.common;

import io.telltale.agent.probe.NetworkFacts;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Splits an ARP / neighbour table into the default gateway (with its MAC when the table has it) and the other
 * LAN neighbours. Entries are {ip, mac} pairs as the OS printed them; the transport normalises and hashes MACs.
 */
public final class NeighborTable {

  private final @Nullable String[] route;
  private final List<String[]> entries;

  /** {@code route} is {gateway IP, interface} or null without a default route. */
  public NeighborTable(String @Nullable [] route, List<String[]> entries) {
    this.route = route;
    this.entries = List.copyOf(entries);
  }

  public NetworkFacts.@Nullable Gateway gateway() {
    if (route == null) {
      return null;
    }
    String mac = entries.stream().filter(e -> e[0].equals(route[0])).map(e -> e[1]).findFirst().orElse("");
    return new NetworkFacts.Gateway(route[0], mac, route[1]);
  }

  public List<NetworkFacts.Neighbor> neighbors() {
    List<NetworkFacts.Neighbor> out = new ArrayList<>();
    for (String[] e : entries) {
      if (route == null || !e[0].equals(route[0])) {
        out.add(new NetworkFacts.Neighbor(e[1], ""));
      }
    }
    return out;
  }
}
