package io.telltale.collector.detect.geo;

import io.telltale.collector.model.IpAddresses;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.jspecify.annotations.Nullable;

/**
 * An IPv4 or IPv6 prefix, its {@code text} in the collector's one address form ({@link IpAddresses}): the
 * network masked and canonical ({@code 2001:DB8::1/32} is {@code 2001:db8::/32}). Parsing never resolves names:
 * only literal addresses are accepted. Immutable.
 */
public record Cidr(byte[] network, int prefixLength, String text) {

  /**
   * Parses "a.b.c.d/n", "v6::/n" or a bare address (a host prefix, its text the address); null when it is not
   * one. An IPv4-mapped prefix is the IPv4 one ({@code ::ffff:192.0.2.0/120} is {@code 192.0.2.0/24}).
   */
  public static @Nullable Cidr parse(String text) {
    String canonical = IpAddresses.parseWithPrefix(text).orElse(null);
    if (canonical == null) {
      return null;
    }
    int slash = canonical.indexOf('/');
    byte[] bytes = IpAddresses.bytes(slash < 0 ? canonical : canonical.substring(0, slash));
    if (bytes == null) {
      return null; // a zone: an interface's address, never a network
    }
    if (slash < 0) {
      return new Cidr(bytes, bytes.length * 8, canonical);
    }
    int len = Integer.parseInt(canonical.substring(slash + 1));
    byte[] network = mask(bytes, len);
    return new Cidr(network, len, IpAddresses.canonical(inet(network)) + "/" + len);
  }

  public boolean contains(String ip) {
    byte[] a = IpAddresses.bytes(ip);
    return a != null && a.length == network.length && java.util.Arrays.equals(mask(a, prefixLength), network);
  }

  /** A sortable key of the network, for longest-prefix tables. */
  public BigInteger key() {
    return new BigInteger(1, network);
  }

  /** {@code a} with every bit past the first {@code len} cleared (a copy). */
  static byte[] mask(byte[] a, int len) {
    byte[] out = a.clone();
    for (int i = 0; i < out.length; i++) {
      int bits = Math.max(0, Math.min(8, len - i * 8));
      out[i] = (byte) (out[i] & (0xFF << (8 - bits)));
    }
    return out;
  }

  private static InetAddress inet(byte[] address) {
    try {
      return InetAddress.getByAddress(address); // bytes: no lookup
    } catch (UnknownHostException e) {
      throw new IllegalStateException("an address of " + address.length + " bytes", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cidr c && c.prefixLength == prefixLength && java.util.Arrays.equals(c.network, network);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(network) * 31 + prefixLength;
  }

  @Override
  public String toString() {
    return text;
  }
}
