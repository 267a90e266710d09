package io.telltale.collector.detect.geo;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An IPv4 or IPv6 prefix. Parsing never resolves names: only literal addresses are accepted. Immutable.
 */
public record Cidr(byte[] network, int prefixLength, String text) {

  private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.]+");

  /** Parses "a.b.c.d/n", "v6::/n" or a bare address (a host prefix); null when it is not one. */
  public static @Nullable Cidr parse(String text) {
    String t = text.trim();
    int slash = t.indexOf('/');
    String addr = slash < 0 ? t : t.substring(0, slash);
    byte[] bytes = address(addr);
    if (bytes == null) {
      return null;
    }
    int len;
    try {
      len = slash < 0 ? bytes.length * 8 : Integer.parseInt(t.substring(slash + 1));
    } catch (NumberFormatException e) {
      return null;
    }
    if (len < 0 || len > bytes.length * 8) {
      return null;
    }
    return new Cidr(mask(bytes, len), len, t);
  }

  /** The bytes of a literal IP address, or null when {@code s} is not one. */
  public static byte @Nullable [] address(String s) {
    if (s.isEmpty() || !LITERAL.matcher(s).matches() || (!s.contains(":") && s.chars().filter(c -> c == '.').count() != 3)) {
      return null;
    }
    try {
      return InetAddress.getByName(s).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }

  public boolean contains(String ip) {
    byte[] a = address(ip);
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
