package io.telltale.collector.detect.geo;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Which IANA zones a region is in, so an OS time zone can be checked against the IP's location. Only US
 * states are listed (where the fleet's roster is); other places answer "unknown". A state spanning two
 * zones lists both.
 */
public final class RegionZones {

  private static final String E = "America/New_York";
  private static final String C = "America/Chicago";
  private static final String M = "America/Denver";
  private static final String P = "America/Los_Angeles";

  private static final Map<String, List<String>> US = Map.ofEntries(
      Map.entry("AL", List.of(C)), Map.entry("AK", List.of("America/Anchorage")), Map.entry("AZ", List.of("America/Phoenix")),
      Map.entry("AR", List.of(C)), Map.entry("CA", List.of(P)), Map.entry("CO", List.of(M)), Map.entry("CT", List.of(E)),
      Map.entry("DE", List.of(E)), Map.entry("DC", List.of(E)), Map.entry("FL", List.of(E, C)), Map.entry("GA", List.of(E)),
      Map.entry("HI", List.of("Pacific/Honolulu")), Map.entry("ID", List.of(M, P)), Map.entry("IL", List.of(C)),
      Map.entry("IN", List.of(E, C)), Map.entry("IA", List.of(C)), Map.entry("KS", List.of(C, M)),
      Map.entry("KY", List.of(E, C)), Map.entry("LA", List.of(C)), Map.entry("ME", List.of(E)), Map.entry("MD", List.of(E)),
      Map.entry("MA", List.of(E)), Map.entry("MI", List.of(E, C)), Map.entry("MN", List.of(C)), Map.entry("MS", List.of(C)),
      Map.entry("MO", List.of(C)), Map.entry("MT", List.of(M)), Map.entry("NE", List.of(C, M)), Map.entry("NV", List.of(P)),
      Map.entry("NH", List.of(E)), Map.entry("NJ", List.of(E)), Map.entry("NM", List.of(M)), Map.entry("NY", List.of(E)),
      Map.entry("NC", List.of(E)), Map.entry("ND", List.of(C, M)), Map.entry("OH", List.of(E)), Map.entry("OK", List.of(C)),
      Map.entry("OR", List.of(P, M)), Map.entry("PA", List.of(E)), Map.entry("RI", List.of(E)), Map.entry("SC", List.of(E)),
      Map.entry("SD", List.of(C, M)), Map.entry("TN", List.of(C, E)), Map.entry("TX", List.of(C, M)),
      Map.entry("UT", List.of(M)), Map.entry("VT", List.of(E)), Map.entry("VA", List.of(E)), Map.entry("WA", List.of(P)),
      Map.entry("WV", List.of(E)), Map.entry("WI", List.of(C)), Map.entry("WY", List.of(M)));

  private RegionZones() {}

  /** Zones of a region, empty when not known. */
  public static List<String> zones(String country, String region) {
    if (!"US".equalsIgnoreCase(country)) {
      return List.of();
    }
    return US.getOrDefault(region.toUpperCase(java.util.Locale.ROOT), List.of());
  }

  /** UTC offset of a zone at an instant, in minutes; null when the zone id is invalid. */
  public static Integer offsetMinutes(String zone, Instant at) {
    try {
      return ZoneId.of(zone).getRules().getOffset(at).getTotalSeconds() / 60;
    } catch (RuntimeException e) {
      return null;
    }
  }
}
