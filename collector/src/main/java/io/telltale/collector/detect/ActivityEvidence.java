package io.telltale.collector.detect;

import io.telltale.collector.detect.catalogue.Catalogue;
import io.telltale.collector.detect.catalogue.NetworkSignatures;
import io.telltale.collector.model.ActivityRecord;
import io.telltale.collector.model.DeviceReport;
import io.telltale.collector.model.PowerFacts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Per-minute input and power/session state folded into {@link HourBits}, plus evidence of jiggle periods
 * and of which external device produced input. Minutes are moved from the device clock to the collector
 * clock with the report's measured clock offset. Pure; thread-safe.
 */
final class ActivityEvidence {

  private final Catalogue catalogue;

  ActivityEvidence(Catalogue catalogue) {
    this.catalogue = catalogue;
  }

  /**
   * The hours a report touches, keyed by hour start.
   *
   * @param sessionFamilies the families of the remote sessions the report shows open (empty = none)
   */
  Map<Instant, HourBits> hours(DeviceReport r, long clockOffsetMs, Set<String> sessionFamilies,
      List<Evidence> out) {
    Map<Instant, HourBits> hours = new TreeMap<>();
    Instant observed = r.observedAt().minusMillis(clockOffsetMs);
    int flags = HourBits.REPORTED;
    PowerFacts p = r.power();
    if (p != null && Boolean.FALSE.equals(p.lidOpen()) && Boolean.TRUE.equals(p.onAc())) {
      flags |= HourBits.LID_CLOSED_ON_AC;
    }
    if (p != null && Boolean.TRUE.equals(p.lidOpen())) {
      flags |= HourBits.LID_OPEN;
    }
    if (!sessionFamilies.isEmpty()) {
      flags |= HourBits.REMOTE_SESSION;
    }
    put(hours, new HourBits(hourOf(observed), 0, 0, 0, 0, flags,
        r.publicIp().isEmpty() ? Set.of() : Set.of(r.publicIp()), sessionFamilies));
    ActivityRecord a = r.activity();
    if (a == null) {
      return hours;
    }
    long offsetMinutes = Math.round(clockOffsetMs / 60_000.0);
    for (ActivityRecord.Minute m : a.minutes()) {
      long minute = a.firstMinute() + m.offset() - offsetMinutes;
      Instant hour = Instant.ofEpochSecond(Math.floorDiv(minute, 60) * 3600);
      long bit = 1L << Math.floorMod(minute, 60);
      if (m.jigglePeriodSeconds() > 0) {
        put(hours, new HourBits(hour, 0, 0, 0, bit, 0));
        jiggle(m.jigglePeriodSeconds(), out);
      } else {
        put(hours, new HourBits(hour, m.localEvents() > 0 ? bit : 0, m.injectedEvents() > 0 ? bit : 0,
            m.externalEvents() > 0 ? bit : 0, 0, 0));
      }
      if (m.externalEvents() > 0 && m.externalSource() > 0 && m.externalSource() <= a.externalSources().size()) {
        String src = a.externalSources().get(m.externalSource() - 1);
        out.add(Evidence.of("input.external_source", "source|" + src, "external input from " + src, "source", src));
      }
    }
    return hours;
  }

  private void jiggle(int period, List<Evidence> out) {
    String device = "";
    for (NetworkSignatures.Period p : catalogue.network().kvmJigglePeriods()) {
      if (p.seconds() == period) {
        device = p.device();
      }
    }
    out.add(Evidence.of(device.isEmpty() ? "jiggler.periodic" : "kvm.jiggle_period", "period|" + period,
        "input repeating every " + period + " s with nothing else" + (device.isEmpty() ? "" : " (" + device + ")"),
        "period_seconds", Integer.toString(period), "device", device));
  }

  private static void put(Map<Instant, HourBits> hours, HourBits b) {
    hours.merge(b.hour(), b, HourBits::merge);
  }

  static Instant hourOf(Instant t) {
    return Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), 3600) * 3600);
  }
}
