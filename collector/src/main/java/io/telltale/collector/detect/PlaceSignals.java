package io.telltale.collector.detect;

import io.telltale.collector.detect.geo.IpInfo;
import io.telltale.collector.detect.geo.IpIntel;
import io.telltale.collector.detect.geo.IpKind;
import io.telltale.collector.detect.geo.RegionZones;
import io.telltale.collector.model.LocaleFacts;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** The {@code vpn}, {@code geo} and {@code clock} groups: where the laptop connects from, and its clock. */
final class PlaceSignals {

  private static final Set<String> NON_CORPORATE_VPN =
      Set.of("consumer-vpn", "vpn-protocol-client", "anonymizer", "proxy");

  private PlaceSignals() {}

  static Signals.VpnSig vpn(SignalInput in, List<Evidence> out) {
    boolean astrill = false;
    boolean mesh = false;
    boolean corporate = false;
    Set<String> clients = new TreeSet<>();
    for (EvidenceRecord r : in.withGroup("vpn")) {
      Evidence e = r.evidence();
      String category = e.detail("category");
      if (e.signal().equals("vpn.astrill")) {
        astrill = true;
        clients.add(e.detail("vpn"));
        out.add(RemoteSignals.retag(e, r));
      } else if (NON_CORPORATE_VPN.contains(category)) {
        clients.add(e.detail("vpn"));
        out.add(RemoteSignals.retag(e, r));
      } else if (category.equals("mesh-vpn")) {
        mesh = true;
        out.add(new Evidence("vpn.mesh", e.key(), e.summary(), e.detail()));
      } else if (category.equals("corporate-vpn")) {
        corporate = true;
      }
    }
    int reported = 0;
    int exitHours = 0;
    Set<String> exits = new TreeSet<>();
    for (HourBits h : in.hours()) {
      if (h.publicIps().isEmpty()) {
        continue;
      }
      reported++;
      boolean exit = false;
      for (String ip : h.publicIps()) {
        IpKind k = in.intel().lookup(ip).map(IpInfo::kind).orElse(IpKind.UNKNOWN);
        if (k == IpKind.VPN || k == IpKind.HOSTING) {
          exit = true;
          exits.add(ip + " (" + k.label() + ", " + in.intel().lookup(ip).map(IpInfo::org).orElse("") + ")");
        }
      }
      exitHours += exit ? 1 : 0;
    }
    if (!exits.isEmpty()) {
      out.add(Evidence.of("vpn.exit_vpn_or_hosting", "exits", "reached the collector from VPN/hosting exits "
          + String.join(", ", exits) + " in " + exitHours + " of " + reported + " reporting hours"));
    }
    return new Signals.VpnSig(astrill, !clients.isEmpty(), List.copyOf(clients), mesh, corporate, exitHours > 0,
        reported == 0 ? 0 : exitHours / (double) reported);
  }

  static Signals.GeoSig geo(SignalInput in, List<Evidence> out) {
    String ip = in.facts().lastPublicIp();
    IpInfo info = ip.isEmpty() ? null : in.intel().lookup(ip).orElse(null);
    Employee emp = in.employee();
    // The latest place that says where the laptop is: company networks and VPN/hosting exits say nothing.
    String placeIp = "";
    IpInfo place = null;
    int eligible = 0;
    int mismatched = 0;
    Set<String> countries = new TreeSet<>();
    List<HourBits> hours = in.hours().stream().sorted(Comparator.comparing(HourBits::hour)).toList();
    for (HourBits h : hours) {
      for (String hip : inPlaceOrder(h.publicIps(), emp, in.intel())) {
        IpInfo i = in.intel().lookup(hip).orElse(null);
        if (!locates(i)) {
          continue;
        }
        eligible++;
        countries.add(i.country());
        if (emp != null && mismatch(emp, i)) {
          mismatched++;
        }
        placeIp = hip;
        place = i;
      }
    }
    if (locates(info)) {
      placeIp = ip;
      place = info;
    }
    boolean countryMismatch = emp != null && place != null && !emp.country().isEmpty()
        && !place.country().isEmpty() && !emp.country().equalsIgnoreCase(place.country());
    boolean regionMismatch = emp != null && place != null && !countryMismatch && !emp.region().isEmpty()
        && !place.region().isEmpty() && !emp.region().equalsIgnoreCase(place.region());
    if (countryMismatch || regionMismatch) {
      out.add(Evidence.of(countryMismatch ? "geo.country_mismatch" : "geo.region_mismatch", "ip|" + placeIp,
          "connects from " + placeIp + " in " + place.country() + (place.region().isEmpty() ? "" : "/" + place.region())
              + " (AS" + place.asn() + " " + place.org() + ", " + place.kind().label() + "); employee "
              + emp.id() + " declared " + emp.country() + (emp.region().isEmpty() ? "" : "/" + emp.region()),
          "ip", placeIp, "asn", Long.toString(place.asn()), "org", place.org()));
    }
    IpInfo shown = info == null ? IpInfo.UNKNOWN : info;
    return new Signals.GeoSig(ip, info != null, shown.country(), shown.region(), shown.asn(), shown.org(),
        shown.kind().label(), shown.kind() == IpKind.CORPORATE, countryMismatch, regionMismatch,
        eligible == 0 ? 0 : mismatched / (double) eligible, countries.size());
  }

  static Signals.ClockSig clock(SignalInput in, List<Evidence> out) {
    LocaleFacts locale = in.facts().locale();
    String tz = locale == null ? "" : locale.timezone();
    Integer osOffset = tz.isEmpty() ? null : RegionZones.offsetMinutes(tz, in.now());
    if (osOffset == null && locale != null && !tz.isEmpty()) {
      osOffset = locale.utcOffsetMinutes();
    }
    Employee emp = in.employee();
    Integer rosterOffset = emp == null ? null : RegionZones.offsetMinutes(emp.timezone(), in.now());
    boolean matchesRoster = osOffset == null || rosterOffset == null || osOffset.intValue() == rosterOffset;
    if (!matchesRoster) {
      out.add(Evidence.of("clock.matches_roster", "tz|" + tz, "OS time zone " + tz + " (UTC" + fmt(osOffset)
          + ") differs from the employee's " + emp.timezone() + " (UTC" + fmt(rosterOffset) + ")", "timezone", tz));
    }
    boolean matchesIp = true;
    String ip = in.facts().lastPublicIp();
    IpInfo info = ip.isEmpty() ? null : in.intel().lookup(ip).orElse(null);
    if (osOffset != null && locates(info)) {
      List<String> zones = RegionZones.zones(info.country(), info.region());
      if (!zones.isEmpty()) {
        final int os = osOffset;
        matchesIp = zones.stream().anyMatch(z -> {
          Integer o = RegionZones.offsetMinutes(z, in.now());
          return o != null && o == os;
        });
        if (!matchesIp) {
          out.add(Evidence.of("clock.matches_ip", "tz|" + tz, "OS time zone " + tz + " does not fit the IP's region "
              + info.country() + "/" + info.region() + " (" + String.join(", ", zones) + ")", "timezone", tz));
        }
      }
    }
    Long skewMs = in.facts().clockOffsetMs();
    return new Signals.ClockSig(tz, osOffset == null ? 0 : osOffset, matchesRoster, matchesIp,
        skewMs == null ? 0 : skewMs / 1000, skewMs != null);
  }

  /** Whether an address says where the laptop physically is (not a company network, VPN or hosting exit). */
  static boolean locates(@Nullable IpInfo i) {
    return i != null && !i.country().isEmpty() && i.kind() != IpKind.CORPORATE && i.kind() != IpKind.VPN
        && i.kind() != IpKind.HOSTING;
  }

  /**
   * The addresses of one hour, which have no order of their own: sorted, those that fit the roster last, so the
   * latest place is a mismatch only when every address of its hour is one, and never depends on set iteration.
   */
  private static List<String> inPlaceOrder(Set<String> ips, @Nullable Employee emp, IpIntel intel) {
    Comparator<String> fits = Comparator.comparing(
        ip -> emp != null && !mismatch(emp, intel.lookup(ip).orElse(IpInfo.UNKNOWN)));
    return ips.stream().sorted(fits.thenComparing(Comparator.naturalOrder())).toList();
  }

  private static boolean mismatch(Employee emp, IpInfo i) {
    if (!emp.country().isEmpty() && !emp.country().equalsIgnoreCase(i.country())) {
      return true;
    }
    return !emp.region().isEmpty() && !i.region().isEmpty() && !emp.region().equalsIgnoreCase(i.region());
  }

  private static String fmt(@Nullable Integer minutes) {
    if (minutes == null) {
      return "?";
    }
    return String.format(Locale.ROOT, "%s%02d:%02d", minutes < 0 ? "-" : "+", Math.abs(minutes) / 60,
        Math.abs(minutes) % 60);
  }
}
