package io.telltale.collector.review;

import static java.util.Objects.requireNonNull;

import io.telltale.collector.store.ActivityHour;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Hour of day × day of a device's input activity, in the employee's declared time zone, from the hourly
 * aggregates. Each cell says how active the hour was and what kind of input dominated: local (the built-in
 * keyboard and touchpad), injected (synthetic events: remote-access tools, jigglers) or external (a USB
 * keyboard or mouse, which an IP-KVM also is). Immutable.
 *
 * @param zone the zone the hours are in (the employee's, else the device's, else UTC)
 * @param zoneSource "roster", "device" or "utc"
 * @param days oldest first
 */
public record ActivityHeatmap(String zone, String zoneSource, List<Day> days) {

  public ActivityHeatmap {
    requireNonNull(zone, "zone");
    requireNonNull(zoneSource, "zoneSource");
    days = List.copyOf(days);
  }

  /** One day, 24 cells from 00:00 local time. */
  public record Day(LocalDate date, List<Cell> hours) {
    public Day {
      hours = List.copyOf(hours);
    }
  }

  /**
   * One local hour.
   *
   * @param level 0 (no activity) to 4 (active most of the hour), by active minutes
   * @param kind "none", "local", "injected", "external" or "jiggle" (only periodic jiggles)
   */
  public record Cell(int hour, int activeMinutes, int jiggleMinutes, long localEvents, long injectedEvents,
      long externalEvents, int level, String kind) {}

  /** Builds the map of the last {@code days} days ending today in {@code zone}. */
  public static ActivityHeatmap of(List<ActivityHour> hours, ZoneId zone, String zoneSource, Instant now, int days) {
    LocalDate today = now.atZone(zone).toLocalDate();
    LocalDate first = today.minusDays(days - 1L);
    TreeMap<LocalDate, long[][]> grid = new TreeMap<>();
    for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
      grid.put(d, new long[24][5]);
    }
    for (ActivityHour h : hours) {
      ZonedDateTime local = h.hourStart().atZone(zone);
      long[][] day = grid.get(local.toLocalDate());
      if (day == null) {
        continue;
      }
      long[] c = day[local.getHour()];
      // Two UTC hours can land on one local hour at a DST change: add them up.
      c[0] += h.activeMinutes();
      c[1] += h.jiggleMinutes();
      c[2] += h.localEvents();
      c[3] += h.injectedEvents();
      c[4] += h.externalEvents();
    }
    List<Day> out = new ArrayList<>();
    grid.forEach((date, cells) -> {
      List<Cell> row = new ArrayList<>(24);
      for (int hour = 0; hour < 24; hour++) {
        long[] c = cells[hour];
        int active = (int) Math.min(60, c[0]);
        row.add(new Cell(hour, active, (int) Math.min(60, c[1]), c[2], c[3], c[4], level(active), kind(c)));
      }
      out.add(new Day(date, row));
    });
    return new ActivityHeatmap(zone.getId(), zoneSource, out);
  }

  private static int level(int activeMinutes) {
    return activeMinutes == 0 ? 0 : activeMinutes <= 15 ? 1 : activeMinutes <= 30 ? 2 : activeMinutes <= 45 ? 3 : 4;
  }

  private static String kind(long[] c) {
    long local = c[2];
    long injected = c[3];
    long external = c[4];
    if (local + injected + external == 0) {
      return c[1] > 0 ? "jiggle" : "none";
    }
    if (injected >= local && injected >= external) {
      return "injected";
    }
    return external > local ? "external" : "local";
  }
}
