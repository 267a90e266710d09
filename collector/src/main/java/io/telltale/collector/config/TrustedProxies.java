package io.telltale.collector.config;

import com.linecorp.armeria.common.util.InetAddressPredicates;
import io.telltale.collector.detect.geo.Cidr;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.function.Predicate;

/**
 * The {@code ingest.trusted_proxies} CIDR list as an address predicate. Entries are parsed as literals only
 * ({@link Cidr}): Armeria's string forms would resolve a host name, and a proxy is trusted by address.
 */
public final class TrustedProxies {

  private TrustedProxies() {}

  /** One CIDR ("10.0.0.0/8", "2001:db8::/32") or address ("192.0.2.7"); throws naming the entry when malformed. */
  public static Predicate<InetAddress> parse(String cidr) {
    Cidr c = Cidr.parse(cidr);
    if (c == null) {
      throw new IllegalArgumentException("ingest.trusted_proxies: '" + cidr
          + "' (expected: a CIDR such as 10.0.0.0/8 or 2001:db8::/32, or an address; no host names)");
    }
    try {
      return InetAddressPredicates.ofCidr(InetAddress.getByAddress(c.network()), c.prefixLength());
    } catch (UnknownHostException e) {
      throw new IllegalStateException("an address of " + c.network().length + " bytes", e);
    }
  }

  /** Matches any of {@code cidrs}; matches nothing when empty. */
  public static Predicate<InetAddress> of(List<String> cidrs) {
    Predicate<InetAddress> any = a -> false;
    for (String c : cidrs) {
      any = any.or(parse(c));
    }
    return any;
  }
}
