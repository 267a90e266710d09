package io.telltale.agent.sim;

import io.telltale.agent.probe.ActivityRecord;
import io.telltale.agent.sim.Scenario.Activity;
import io.telltale.agent.sim.Scenario.DeviceState;
import io.telltale.agent.sim.Scenario.Usb;
import io.telltale.agent.sim.Scenario.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-minute input as an agent would record it, from the activity schedule in the device's time zone: active
 * minutes get event counts by input source; idle minutes with a jiggler get its period. Counts are
 * deterministic (a hash of host name and minute), so a replay gives identical reports.
 */
final class ActivityModel {

  private ActivityModel() {}

  static boolean active(Activity a, ZonedDateTime local) {
    LocalTime time = local.toLocalTime();
    for (Window w : a.schedule()) {
      if (w.from().equals(w.to())) {
        if (w.days().contains(local.getDayOfWeek())) {
          return true;
        }
      } else if (w.from().isBefore(w.to())) {
        if (w.days().contains(local.getDayOfWeek()) && !time.isBefore(w.from()) && time.isBefore(w.to())) {
          return true;
        }
      } else if ((w.days().contains(local.getDayOfWeek()) && !time.isBefore(w.from()))
          || (w.days().contains(local.getDayOfWeek().minus(1)) && time.isBefore(w.to()))) {
        return true;
      }
    }
    return false;
  }

  static boolean activeAt(DeviceTimeline tl, Instant trueTime) {
    DeviceState s = tl.stateAt(trueTime);
    return active(s.activity(), trueTime.atZone(s.clock().timezone()));
  }

  /** How far back input is looked for: idle times are capped here. */
  static final Duration MAX_IDLE = Duration.ofDays(14);

  /**
   * The end of the last active minute before the minute of {@code t} (true time), or {@code t} minus
   * {@link #MAX_IDLE} when there was none that recent.
   */
  static Instant lastInputEnd(DeviceTimeline tl, Instant t) {
    long minute = Math.floorDiv(t.toEpochMilli(), MINUTE_MS) * MINUTE_MS;
    long floor = minute - MAX_IDLE.toMillis();
    int segment = -1;
    long segmentTop = 0;
    for (long m = minute - MINUTE_MS; m >= floor; m -= MINUTE_MS) {
      Instant at = Instant.ofEpochMilli(m);
      int s = tl.segmentAt(at);
      if (s != segment) {
        segment = s;
        segmentTop = m;
      }
      if (activeAt(tl, at)) {
        return at.plusSeconds(60);
      }
      // Within one state the schedule repeats every week: a whole week without input means none earlier in it.
      if (segmentTop - m >= WEEK_MS) {
        if (s == 0) {
          break;
        }
        m = Math.floorDiv(tl.segmentStart(s).toEpochMilli() - 1, MINUTE_MS) * MINUTE_MS + MINUTE_MS;
      }
    }
    return t.minus(MAX_IDLE);
  }

  private static final long MINUTE_MS = 60_000;
  private static final long WEEK_MS = Duration.ofDays(7).toMillis();

  /**
   * The record of device-clock minutes [firstMinute, endMinute): each minute's true time is the device
   * minute minus the skew.
   */
  static ActivityRecord record(DeviceTimeline tl, long firstMinute, long endMinute, long skewMs, String seed) {
    List<ActivityRecord.Minute> minutes = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    for (long m = firstMinute; m < endMinute; m++) {
      Instant trueTime = Instant.ofEpochMilli(m * 60_000 - skewMs);
      DeviceState s = tl.stateAt(trueTime);
      int offset = (int) (m - firstMinute);
      if (active(s.activity(), trueTime.atZone(s.clock().timezone()))) {
        int events = 20 + Math.floorMod((seed + m).hashCode(), 100);
        String input = s.activity().input();
        boolean externalTurn = input.equals("usb-hid") || (input.equals("mixed") && m % 2 == 1);
        String hid = externalTurn ? hidSource(s.usb()) : null;
        if (hid != null) {
          int idx = sources.indexOf(hid);
          if (idx < 0) {
            sources.add(hid);
            idx = sources.size() - 1;
          }
          minutes.add(new ActivityRecord.Minute(offset, 0, 0, events, 0, idx + 1));
        } else if (input.equals("remote-tool")) {
          minutes.add(new ActivityRecord.Minute(offset, 0, events, 0, 0, 0));
        } else if (externalTurn) {
          minutes.add(new ActivityRecord.Minute(offset, 0, 0, events, 0, 0)); // external, device unknown
        } else {
          minutes.add(new ActivityRecord.Minute(offset, events, 0, 0, 0, 0));
        }
      } else if (s.activity().jiggleSeconds() != null) {
        minutes.add(new ActivityRecord.Minute(offset, 0, 0, 0, (int) Math.round(s.activity().jiggleSeconds()), 0));
      }
    }
    return new ActivityRecord(firstMinute, (int) (endMinute - firstMinute), minutes, sources);
  }

  /** "vvvv:pppp" of the first USB device exposing a keyboard or pointer, or null. */
  static String hidSource(List<Usb> usb) {
    for (Usb u : usb) {
      if (u.interfaces().stream().anyMatch(i -> i.equals("keyboard") || i.startsWith("mouse-"))) {
        return u.vendorId() + ":" + u.productId();
      }
    }
    return null;
  }
}
