package io.telltale.collector.review;

import static java.util.Objects.requireNonNull;

import io.telltale.collector.store.DeviceState;
import io.telltale.collector.store.RosterEmployee;
import io.telltale.collector.store.Sighting;
import io.telltale.collector.store.TriageNote;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything the device page shows: identity and owner, the verdict with its evidence, the history of
 * verdicts and inventory changes, the networks it was seen on, its latest reported state (hardware,
 * software, network), triage with notes, and the activity heatmap.
 *
 * @param employee null = the laptop is not in the roster
 * @param verdict null = not evaluated
 * @param state null = never reported
 */
public record DeviceDetail(
    DeviceSummary device,
    @Nullable RosterEmployee employee,
    @Nullable DeviceVerdict verdict,
    List<DeviceVerdict> verdictHistory,
    List<TimelineEvent> timeline,
    List<Sighting> networks,
    @Nullable DeviceState state,
    List<TriageNote> notes,
    ActivityHeatmap activity) {

  public DeviceDetail {
    requireNonNull(device, "device");
    verdictHistory = List.copyOf(verdictHistory);
    timeline = List.copyOf(timeline);
    networks = List.copyOf(networks);
    notes = List.copyOf(notes);
    requireNonNull(activity, "activity");
  }

  /**
   * One entry of the device's timeline.
   *
   * @param kind "verdict", "appeared", "disappeared", "triage" or "note"
   * @param what e.g. "process", "usb", "flagged (score 9)"
   */
  public record TimelineEvent(Instant at, String kind, String what, String detail) {
    public TimelineEvent {
      requireNonNull(at, "at");
      requireNonNull(kind, "kind");
      requireNonNull(what, "what");
      requireNonNull(detail, "detail");
    }
  }
}
