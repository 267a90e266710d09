package io.telltale.collector.review;

import static java.util.Objects.requireNonNull;

import io.telltale.collector.internal.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The fleet at a glance: size, flagged, clusters, devices silent for a day, and a trend of how many devices
 * were enrolled and flagged over the last days (flagged by the first verdict that flagged them).
 */
public final class Overview {

  static final int TREND_DAYS = 14;

  /** One day of the trend (UTC). */
  public record DayCount(LocalDate day, int enrolled, int flagged) {}

  public record Fleet(int devices, int flagged, int suspicious, int unevaluated, int clusters, int silent,
      int openCases, List<DayCount> trend, List<DeviceSummary> topFlagged) {}

  private final DeviceSearch search;
  private final DetectionView detection;
  private final Clusters clusters;
  private final Clock clock;

  public Overview(DeviceSearch search, DetectionView detection, Clusters clusters, Clock clock) {
    this.search = requireNonNull(search, "search");
    this.detection = requireNonNull(detection, "detection");
    this.clusters = requireNonNull(clusters, "clusters");
    this.clock = requireNonNull(clock, "clock");
  }

  public Fleet fleet(Principal who) {
    who.require(Role.VIEWER);
    Instant now = clock.now();
    List<DeviceSummary> all = search.summaries();
    int flagged = 0;
    int suspicious = 0;
    int unevaluated = 0;
    int silent = 0;
    int open = 0;
    for (DeviceSummary d : all) {
      switch (d.level()) {
        case "flagged" -> flagged++;
        case "suspicious" -> suspicious++;
        case "unevaluated" -> unevaluated++;
        default -> { }
      }
      if (d.lastSeen() == null || d.lastSeen().isBefore(now.minus(Duration.ofDays(1)))) {
        silent++;
      }
      if (d.flagged() && !d.triageState().equals(TriageState.CLOSED.name())
          && !d.triageState().equals(TriageState.FALSE_POSITIVE.name())) {
        open++;
      }
    }
    List<DeviceSummary> top = search.search(who, DeviceFilter.FLAGGED, 0, 10).devices();
    return new Fleet(all.size(), flagged, suspicious, unevaluated, clusters.list(who).size(), silent, open,
        trend(all, now), top);
  }

  private List<DayCount> trend(List<DeviceSummary> all, Instant now) {
    LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
    java.util.Map<String, Instant> firstFlagged = new java.util.HashMap<>();
    for (DeviceSummary d : all) {
      if (d.flagged()) {
        firstFlagged(d.id()).ifPresent(t -> firstFlagged.put(d.id(), t));
      }
    }
    List<DayCount> out = new ArrayList<>();
    for (int i = TREND_DAYS - 1; i >= 0; i--) {
      LocalDate day = today.minusDays(i);
      Instant end = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      int enrolled = 0;
      int flagged = 0;
      for (DeviceSummary d : all) {
        if (d.enrolledAt().isBefore(end)) {
          enrolled++;
        }
        Instant f = firstFlagged.get(d.id());
        if (f != null && f.isBefore(end)) {
          flagged++;
        }
      }
      out.add(new DayCount(day, enrolled, flagged));
    }
    return out;
  }

  private java.util.Optional<Instant> firstFlagged(String deviceId) {
    return detection.history(deviceId).stream().filter(DeviceVerdict::flagged).map(DeviceVerdict::computedAt)
        .min(Instant::compareTo);
  }
}
