package io.telltale.collector.model;

import com.google.common.net.InetAddresses;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one text form of an IP address in the collector, RFC 5952: IPv4 in dotted decimal; IPv6 in lower case with
 * leading zeros dropped and the longest run of two or more zero groups written "::"; an IPv4-mapped IPv6 address
 * ({@code ::ffff:203.0.113.7}) as its IPv4 address. An IPv6 zone ({@code fe80::1%eth0}) is kept as written.
 *
 * <p>Addresses are brought to this form where they enter the collector (the connection and X-Forwarded-For,
 * report fields, IP intelligence, company networks, trusted proxies), so everything behind compares them as
 * text: two devices behind {@code 2001:DB8:0:0:1::1} and {@code 2001:db8::1:0:0:1} share one key. Parsing is
 * Guava's {@link InetAddresses}, which never resolves a name: a host name is "not an address", not a DNS
 * lookup. Octets with leading zeros ({@code 010.1.1.1}) are refused: octal or decimal is anyone's guess.
 */
public final class IpAddresses {

  /** What a field holding an address expects, for error messages. */
  public static final String EXPECTED = "an IPv4 or IPv6 address such as 203.0.113.7 or 2001:db8::7";

  private static final Pattern ZONE = Pattern.compile("[0-9A-Za-z_.@-]{1,64}");
  private static final Pattern PREFIX_LENGTH = Pattern.compile("[0-9]{1,3}");

  private IpAddresses() {}

  /** The canonical text of an address literal; throws {@link IllegalArgumentException} when it is not one. */
  public static String canonical(String literal) {
    return parse(literal).orElseThrow(() -> new IllegalArgumentException(
        "'" + shortened(literal) + "' is not an IP address (expected: " + EXPECTED + ")"));
  }

  /** The canonical text of an address literal (surrounding blanks ignored); empty when it is not one. */
  public static Optional<String> parse(String literal) {
    String t = literal.strip();
    int percent = t.indexOf('%');
    InetAddress a = address(percent < 0 ? t : t.substring(0, percent));
    if (a == null) {
      return Optional.empty();
    }
    if (percent < 0) {
      return Optional.of(InetAddresses.toAddrString(a));
    }
    String zone = t.substring(percent + 1);
    if (!(a instanceof Inet6Address) || !ZONE.matcher(zone).matches()) {
      return Optional.empty(); // zones exist on IPv6 only (and never on a mapped IPv4 address)
    }
    return Optional.of(InetAddresses.toAddrString(a) + "%" + zone);
  }

  /**
   * The canonical text of an address with an optional prefix length, as interfaces and CIDRs are written
   * ({@code 192.168.0.23/24}, {@code FE80::1%eth0/64}); the address is kept as given, not masked. A length on an
   * IPv4-mapped address counts from its IPv4 part ({@code ::ffff:192.0.2.0/120} is {@code 192.0.2.0/24}). Empty
   * when it is not one.
   */
  public static Optional<String> parseWithPrefix(String text) {
    String t = text.strip();
    int slash = t.lastIndexOf('/');
    if (slash < 0) {
      return parse(t);
    }
    String written = t.substring(0, slash);
    String length = t.substring(slash + 1);
    Optional<String> address = parse(written);
    if (address.isEmpty() || !PREFIX_LENGTH.matcher(length).matches()) {
      return Optional.empty();
    }
    int n = Integer.parseInt(length);
    boolean v6 = address.get().contains(":");
    if (!v6 && written.contains(":")) { // written IPv4-mapped
      n -= 96;
    }
    return n < 0 || n > (v6 ? 128 : 32) ? Optional.empty() : Optional.of(address.get() + "/" + n);
  }

  /** The canonical text of an address the network stack handed over (a peer, a parsed X-Forwarded-For). */
  public static String canonical(InetAddress address) {
    if (address instanceof Inet6Address v6 && isIpv4Mapped(v6.getAddress())) {
      return InetAddresses.toAddrString(ipv4(v6.getAddress()));
    }
    return InetAddresses.toAddrString(address);
  }

  /**
   * The bytes of an address literal without a zone (surrounding blanks ignored): 4 for IPv4, also when written
   * IPv4-mapped, and 16 for IPv6; null when {@code literal} is not one.
   */
  public static byte @Nullable [] bytes(String literal) {
    InetAddress a = address(literal.strip());
    return a == null ? null : a.getAddress();
  }

  /** Guava's parse of a literal without a zone; null when it is not one (a '%' is refused here). */
  private static @Nullable InetAddress address(String literal) {
    if (literal.isEmpty() || literal.indexOf('%') >= 0) {
      return null;
    }
    try {
      return InetAddresses.forString(literal); // a mapped address comes back as its Inet4Address
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean isIpv4Mapped(byte[] a) {
    for (int i = 0; i < 10; i++) {
      if (a[i] != 0) {
        return false;
      }
    }
    return a[10] == (byte) 0xff && a[11] == (byte) 0xff;
  }

  private static Inet4Address ipv4(byte[] mapped) {
    try {
      return (Inet4Address) InetAddress.getByAddress(new byte[] {mapped[12], mapped[13], mapped[14], mapped[15]});
    } catch (UnknownHostException e) {
      throw new IllegalStateException("4 bytes are always an IPv4 address", e);
    }
  }

  /** At most 64 characters of untrusted text, for a message that quotes it. */
  public static String shortened(String s) {
    return s.length() <= 64 ? s : s.substring(0, 61) + "...";
  }
}
