package io.telltale.collector.review;

import static java.util.Objects.requireNonNull;

import io.telltale.collector.internal.Clock;
import io.telltale.collector.store.DeviceState;
import io.telltale.collector.store.InventoryChange;
import io.telltale.collector.store.RosterEmployee;
import io.telltale.collector.store.TelemetryStore;
import io.telltale.collector.store.TriageNote;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Builds a {@link DeviceDetail}: the device page and {@code GET /devices/{id}}. Thread-safe; blocks on the store. */
public final class DeviceProfiles {

  /** How far back the timeline and the heatmap look. */
  public static final Duration LOOKBACK = Duration.ofDays(14);
  /** Most timeline entries shown (newest kept). */
  static final int MAX_TIMELINE = 300;

  private final TelemetryStore store;
  private final DeviceSearch search;
  private final DetectionView detection;
  private final Clock clock;

  public DeviceProfiles(TelemetryStore store, DeviceSearch search, DetectionView detection, Clock clock) {
    this.store = requireNonNull(store, "store");
    this.search = requireNonNull(search, "search");
    this.detection = requireNonNull(detection, "detection");
    this.clock = requireNonNull(clock, "clock");
  }

  /** The device with id (or unique host name or serial) {@code idOrName}. */
  public DeviceDetail detail(Principal who, String idOrName) {
    DeviceSummary device = search.find(who, idOrName);
    String id = device.id();
    Instant now = clock.now();
    Instant from = now.minus(LOOKBACK);
    RosterEmployee employee = store.roster().list().stream()
        .filter(e -> e.id().equals(device.employeeId())).findFirst().orElse(null);
    DeviceState state = store.queries().deviceState(id).orElse(null);
    List<DeviceVerdict> history = detection.history(id);
    List<TriageNote> notes = store.triage().notes(id);
    List<DeviceDetail.TimelineEvent> timeline = timeline(store.queries().changes(id, from, now.plusSeconds(1)), history,
        notes);
    ZoneChoice zone = zone(employee, state);
    ActivityHeatmap heatmap = ActivityHeatmap.of(
        store.queries().activityHours(id, from.minus(Duration.ofDays(1)), now.plusSeconds(1)), zone.zone(),
        zone.source(), now, (int) LOOKBACK.toDays());
    return new DeviceDetail(device, employee, detection.verdict(id).orElse(null), history, timeline,
        store.queries().sightingsOf(id), state, notes, heatmap);
  }

  private record ZoneChoice(ZoneId zone, String source) {}

  private static ZoneChoice zone(@Nullable RosterEmployee employee, @Nullable DeviceState state) {
    if (employee != null && !employee.timezone().isBlank()) {
      try {
        return new ZoneChoice(ZoneId.of(employee.timezone()), "roster");
      } catch (DateTimeException e) {
        // An unknown zone in the roster: fall through to the device's own zone.
      }
    }
    if (state != null && state.locale() != null && !state.locale().timezone().isBlank()) {
      try {
        return new ZoneChoice(ZoneId.of(state.locale().timezone()), "device");
      } catch (DateTimeException e) {
        // A zone name this JVM does not know (e.g. a Windows name): use UTC.
      }
    }
    return new ZoneChoice(ZoneOffset.UTC, "utc");
  }

  static List<DeviceDetail.TimelineEvent> timeline(List<InventoryChange> changes, List<DeviceVerdict> verdicts,
      List<TriageNote> notes) {
    List<DeviceDetail.TimelineEvent> out = new ArrayList<>();
    for (InventoryChange c : changes) {
      if (!c.initial()) {
        out.add(new DeviceDetail.TimelineEvent(c.at(), c.appeared() ? "appeared" : "disappeared",
            c.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '), c.itemKey()));
      }
    }
    for (DeviceVerdict v : verdicts) {
      out.add(new DeviceDetail.TimelineEvent(v.computedAt(), "verdict", v.level() + " (score " + v.score() + ")",
          String.join(", ", v.findings().stream().map(DeviceVerdict.Finding::ruleId).toList())));
    }
    for (TriageNote n : notes) {
      out.add(new DeviceDetail.TimelineEvent(n.createdAt(), "note", n.author(), n.body()));
    }
    out.sort(Comparator.comparing(DeviceDetail.TimelineEvent::at).reversed());
    return out.size() > MAX_TIMELINE ? out.subList(0, MAX_TIMELINE) : out;
  }
}
