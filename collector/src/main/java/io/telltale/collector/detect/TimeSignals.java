package io.telltale.collector.detect;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The {@code hours}, {@code continuity} and {@code agent} groups: when the laptop is used and on. */
final class TimeSignals {

  /** Below this much use, shares of it say nothing. */
  static final int MIN_ACTIVE_MINUTES = 120;

  private TimeSignals() {}

  static Signals.HoursSig hours(SignalInput in, List<Evidence> out) {
    Employee emp = in.employee();
    int active = in.hours().stream().mapToInt(HourBits::activeMinutes).sum();
    ZoneId zone = zone(emp);
    if (zone == null || active < MIN_ACTIVE_MINUTES) {
      return new Signals.HoursSig(false, active, 0, 0, 0);
    }
    int night = 0;
    int weekend = 0;
    int office = 0;
    for (HourBits h : in.hours()) {
      int m = h.activeMinutes();
      if (m == 0) {
        continue;
      }
      ZonedDateTime local = h.hour().atZone(zone);
      int hour = local.getHour();
      boolean isWeekend = local.getDayOfWeek() == DayOfWeek.SATURDAY || local.getDayOfWeek() == DayOfWeek.SUNDAY;
      if (hour >= 22 || hour < 6) {
        night += m;
      }
      if (isWeekend) {
        weekend += m;
      } else if (hour >= 7 && hour < 19) {
        office += m;
      }
    }
    double nightShare = night / (double) active;
    if (nightShare >= 0.25) {
      out.add(Evidence.of("hours.night_share", "night", String.format(Locale.ROOT,
          "%.0f%% of %d active minutes fell between 22:00 and 06:00 in the employee's zone %s", nightShare * 100,
          active, zone)));
    }
    return new Signals.HoursSig(true, active, nightShare, weekend / (double) active, office / (double) active);
  }

  static Signals.ContinuitySig continuity(SignalInput in, List<Evidence> out) {
    List<HourBits> sorted = in.hours().stream().sorted(Comparator.comparing(HourBits::hour)).toList();
    int bestActive = run(sorted, true);
    int bestInput = run(sorted, false);
    Instant windowStart = in.now().minus(in.lookback());
    Instant from = in.facts().firstSeen().isAfter(windowStart) ? in.facts().firstSeen() : windowStart;
    int observed = (int) Math.max(1, Math.ceil(Duration.between(from, in.now()).toMinutes() / 60.0));
    long reported = sorted.stream().filter(h -> h.has(HourBits.REPORTED) && !h.hour().isBefore(
        ActivityEvidence.hourOf(from))).count();
    double online = Math.min(1.0, reported / (double) observed);
    if (bestActive >= 12) {
      out.add(Evidence.of("continuity.longest_active_hours", "run", "human input in " + bestActive
          + " consecutive hours"));
    }
    if (bestInput >= 24) {
      out.add(Evidence.of("continuity.longest_input_hours", "run", "input (jiggles included) in " + bestInput
          + " consecutive hours"));
    }
    if (observed >= 24 && online >= 0.9) {
      out.add(Evidence.of("continuity.online_share", "online", String.format(Locale.ROOT,
          "reported in %d of %d hours (%.0f%%): never asleep", reported, observed, online * 100)));
    }
    return new Signals.ContinuitySig(bestActive, bestInput, online, observed);
  }

  static Signals.AgentSig agent(SignalInput in, List<Evidence> out) {
    double silentHours = Math.max(0, Duration.between(in.facts().lastSeen(), in.now()).toMinutes() / 60.0);
    boolean silent = Duration.between(in.facts().lastSeen(), in.now()).compareTo(in.silentAfter()) > 0;
    if (silent) {
      out.add(Evidence.of("agent.silent", "silent", String.format(Locale.ROOT,
          "no report for %.1f hours (last at %s)", silentHours, in.facts().lastSeen())));
    }
    return new Signals.AgentSig(silent, silentHours);
  }

  private static int run(List<HourBits> sorted, boolean humanOnly) {
    int best = 0;
    int cur = 0;
    Instant prev = null;
    for (HourBits h : sorted) {
      boolean on = humanOnly ? h.activeMinutes() > 0 : h.anyInputMinutes() > 0;
      if (!on) {
        cur = 0;
        prev = null;
        continue;
      }
      cur = prev != null && Duration.between(prev, h.hour()).toHours() == 1 ? cur + 1 : 1;
      prev = h.hour();
      best = Math.max(best, cur);
    }
    return best;
  }

  private static ZoneId zone(Employee emp) {
    if (emp == null) {
      return null;
    }
    try {
      return ZoneId.of(emp.timezone());
    } catch (RuntimeException e) {
      return null;
    }
  }
}
