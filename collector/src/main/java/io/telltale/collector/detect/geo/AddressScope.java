package io.telltale.collector.detect.geo;

import io.telltale.collector.model.IpAddresses;
import java.util.Arrays;
import java.util.List;

/**
 * Whether an address a device reported as its public IP can be one. Fleet correlation links devices by public
 * IP only when it is: laptops behind a broken proxy or a misconfigured probe report 10.x, 127.0.0.1 or a
 * carrier-grade NAT address, which strangers share everywhere.
 */
public enum AddressScope {
  /** A globally routable address. */
  PUBLIC,
  /**
   * Documentation and benchmarking ranges (RFC 5737, RFC 3849, RFC 9637, RFC 2544): never routed, but what
   * simulators and tests use as public addresses, so they count only where IP intelligence knows them.
   */
  DOCUMENTATION,
  /**
   * Not a literal address, or private, loopback, link-local, carrier-grade NAT, unspecified, multicast or
   * reserved: never anyone's public address.
   */
  NOT_PUBLIC;

  private static final List<Cidr> NOT_PUBLIC_RANGES = parse("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10",
      "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.168.0.0/16", "224.0.0.0/4",
      "240.0.0.0/4", "::/128", "::1/128", "100::/64", "fc00::/7", "fe80::/10", "ff00::/8");
  private static final List<Cidr> DOCUMENTATION_RANGES = parse("192.0.2.0/24", "198.51.100.0/24",
      "203.0.113.0/24", "198.18.0.0/15", "2001:db8::/32", "3fff::/20");

  /** The scope of a literal IPv4 or IPv6 address (an IPv4-mapped IPv6 address counts as its IPv4 address). */
  public static AddressScope of(String ip) {
    byte[] a = IpAddresses.bytes(ip);
    if (a == null || in(a, NOT_PUBLIC_RANGES)) {
      return NOT_PUBLIC;
    }
    return in(a, DOCUMENTATION_RANGES) ? DOCUMENTATION : PUBLIC;
  }

  private static boolean in(byte[] a, List<Cidr> ranges) {
    for (Cidr c : ranges) {
      if (c.network().length == a.length && Arrays.equals(Cidr.mask(a, c.prefixLength()), c.network())) {
        return true;
      }
    }
    return false;
  }

  private static List<Cidr> parse(String... cidrs) {
    return Arrays.stream(cidrs).map(c -> java.util.Objects.requireNonNull(Cidr.parse(c), c)).toList();
  }
}
