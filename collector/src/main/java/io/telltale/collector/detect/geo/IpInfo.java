package io.telltale.collector.detect.geo;

import static java.util.Objects.requireNonNull;

/**
 * What IP intelligence says about an address. Strings are empty and {@code asn} 0 when unknown.
 *
 * @param country ISO 3166-1 alpha-2
 * @param region subdivision code, e.g. "AZ"
 */
public record IpInfo(String country, String region, String city, long asn, String org, IpKind kind) {

  public static final IpInfo UNKNOWN = new IpInfo("", "", "", 0, "", IpKind.UNKNOWN);

  public IpInfo {
    requireNonNull(country, "country");
    requireNonNull(region, "region");
    requireNonNull(city, "city");
    requireNonNull(org, "org");
    requireNonNull(kind, "kind");
  }

  public IpInfo withKind(IpKind k) {
    return new IpInfo(country, region, city, asn, org, k);
  }
}
