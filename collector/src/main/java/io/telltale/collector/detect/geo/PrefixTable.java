package io.telltale.collector.detect.geo;

import io.telltale.collector.model.IpAddresses;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Longest-prefix match over IPv4 and IPv6 prefixes: one hash table per prefix length present, probed from
 * the longest length down, so a lookup costs one address parse and at most one probe per distinct length
 * (not one comparison per prefix: an IP-intelligence file has hundreds of thousands). Immutable after
 * building; thread-safe.
 *
 * @param <V> what a prefix maps to
 */
final class PrefixTable<V> {

  /** Per address length (4 or 16 bytes): prefix length, longest first, to masked network to value. */
  private final Map<Integer, TreeMap<Integer, Map<ByteBuffer, V>>> byFamily = new HashMap<>();

  /** Adds a prefix; the first value given for a prefix stays. */
  PrefixTable<V> put(Cidr cidr, V value) {
    byFamily.computeIfAbsent(cidr.network().length, k -> new TreeMap<>(java.util.Comparator.reverseOrder()))
        .computeIfAbsent(cidr.prefixLength(), k -> new HashMap<>())
        .putIfAbsent(ByteBuffer.wrap(cidr.network()), value);
    return this;
  }

  /** The value of the longest prefix containing {@code ip}; empty when none does or it is not an address. */
  Optional<V> lookup(String ip) {
    byte[] address = IpAddresses.bytes(ip);
    return address == null ? Optional.empty() : Optional.ofNullable(lookup(address));
  }

  @Nullable V lookup(byte[] address) {
    TreeMap<Integer, Map<ByteBuffer, V>> lengths = byFamily.get(address.length);
    if (lengths == null) {
      return null;
    }
    for (Map.Entry<Integer, Map<ByteBuffer, V>> e : lengths.entrySet()) {
      V v = e.getValue().get(ByteBuffer.wrap(Cidr.mask(address, e.getKey())));
      if (v != null) {
        return v;
      }
    }
    return null;
  }
}
