package io.telltale.collector.config;

import com.linecorp.armeria.common.util.InetAddressPredicates;
import java.net.InetAddress;
import java.util.List;
import java.util.function.Predicate;

/** The {@code ingest.trusted_proxies} CIDR list as an address predicate. */
public final class TrustedProxies {

  private TrustedProxies() {}

  /** One CIDR ("10.0.0.0/8") or address ("192.0.2.7"); throws naming the entry when malformed. */
  public static Predicate<InetAddress> parse(String cidr) {
    try {
      return cidr.contains("/") ? InetAddressPredicates.ofCidr(cidr) : InetAddressPredicates.ofExact(cidr);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("ingest.trusted_proxies: '" + cidr + "' (expected: a CIDR such as 10.0.0.0/8)", e);
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
