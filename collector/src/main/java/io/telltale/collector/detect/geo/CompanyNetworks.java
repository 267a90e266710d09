package io.telltale.collector.detect.geo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The company's declared networks (offices, corporate VPN egress) as CIDRs and ASNs, layered over another
 * intelligence source: an address inside them is reported as {@link IpKind#CORPORATE}. Immutable.
 */
public final class CompanyNetworks implements IpIntel {

  private final PrefixTable<Boolean> cidrs = new PrefixTable<>();
  private final Set<Long> asns;
  private final IpIntel inner;

  public CompanyNetworks(List<Cidr> cidrs, Set<Long> asns, IpIntel inner) {
    cidrs.forEach(c -> this.cidrs.put(c, Boolean.TRUE));
    this.asns = Set.copyOf(asns);
    this.inner = inner;
  }

  /**
   * Parses CIDR strings (IPv4 or IPv6, never host names) into the canonical form; throws
   * {@link IllegalArgumentException} naming the first bad one.
   */
  public static List<Cidr> parseCidrs(List<String> texts) {
    List<Cidr> out = new ArrayList<>();
    for (String t : texts) {
      Cidr c = Cidr.parse(t);
      if (c == null) {
        throw new IllegalArgumentException(
            "company network: '" + t + "' (expected: a CIDR such as 203.0.113.0/24 or 2001:db8:1::/48)");
      }
      out.add(c);
    }
    return out;
  }

  @Override
  public Optional<IpInfo> lookup(String ip) {
    Optional<IpInfo> found = inner.lookup(ip);
    boolean declared = cidrs.lookup(ip).isPresent()
        || found.map(i -> i.asn() != 0 && asns.contains(i.asn())).orElse(false);
    if (declared) {
      return Optional.of(found.orElse(IpInfo.UNKNOWN).withKind(IpKind.CORPORATE));
    }
    return found;
  }
}
