package io.telltale.collector.review;

import static java.util.Objects.requireNonNull;

import io.telltale.collector.internal.Clock;
import io.telltale.collector.store.TelemetryStore;
import io.telltale.collector.store.TriageNote;
import io.telltale.collector.store.TriageRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Triage: moving a device through {@link TriageState}, assigning it, and writing notes. Analysts and
 * administrators only; every change is audited with its before and after. Thread-safe; blocks on the store.
 */
public final class TriageDesk {

  /** Longest note accepted. */
  public static final int MAX_NOTE = 10_000;

  /** A device's triage as shown: state, assignee, who changed it last, where it may go next, notes. */
  public record TriageView(String deviceId, String state, String assignee, @Nullable Instant updatedAt,
      String updatedBy, List<String> nextStates, List<TriageNote> notes) {}

  private final TelemetryStore store;
  private final AuditTrail audit;
  private final Clock clock;

  public TriageDesk(TelemetryStore store, AuditTrail audit, Clock clock) {
    this.store = requireNonNull(store, "store");
    this.audit = requireNonNull(audit, "audit");
    this.clock = requireNonNull(clock, "clock");
  }

  public TriageView get(Principal who, String deviceId) {
    who.require(Role.VIEWER);
    requireDevice(deviceId);
    TriageRecord r = store.triage().find(deviceId).orElse(null);
    TriageState state = r == null ? TriageState.NEW : TriageState.parse(r.state());
    return new TriageView(deviceId, state.name(), r == null ? "" : r.assignee(), r == null ? null : r.updatedAt(),
        r == null ? "" : r.updatedBy(), state.next().stream().map(Enum::name).toList(), store.triage().notes(deviceId));
  }

  /**
   * Moves the device to {@code state} (a step allowed by {@link TriageState#next()}, or the same state) and
   * sets the assignee ({@code null} = unchanged, "" = unassigned); adds {@code note} when given.
   */
  public TriageView set(Principal who, String deviceId, TriageState state, @Nullable String assignee,
      @Nullable String note) {
    who.require(Role.ANALYST);
    requireDevice(deviceId);
    TriageRecord before = store.triage().find(deviceId).orElse(null);
    TriageState from = before == null ? TriageState.NEW : TriageState.parse(before.state());
    if (from != state && !from.next().contains(state)) {
      throw new ReviewException(ReviewException.Kind.CONFLICT, "state: " + state + " from " + from
          + " (expected: one of " + from.next() + ")");
    }
    String newAssignee = assignee == null ? (before == null ? "" : before.assignee()) : assignee.trim();
    if (!newAssignee.isEmpty() && store.access().findUser(newAssignee).isEmpty()) {
      throw ReviewException.invalid("assignee: '" + newAssignee + "' (expected: an existing user, or empty)");
    }
    TriageRecord after = new TriageRecord(deviceId, state.name(), newAssignee, clock.now(), who.name());
    store.triage().put(after);
    audit.record(who, "triage.set", deviceId,
        before == null ? Map.of("state", TriageState.NEW.name(), "assignee", "") : Map.of("state", before.state(),
            "assignee", before.assignee()),
        Map.of("state", after.state(), "assignee", after.assignee()));
    if (note != null && !note.isBlank()) {
      addNote(who, deviceId, note);
    }
    return get(who, deviceId);
  }

  public TriageNote addNote(Principal who, String deviceId, String body) {
    who.require(Role.ANALYST);
    requireDevice(deviceId);
    String text = body.strip();
    if (text.isEmpty() || text.length() > MAX_NOTE) {
      throw ReviewException.invalid("note: " + text.length() + " characters (expected: 1.." + MAX_NOTE + ")");
    }
    TriageNote n = new TriageNote(0, deviceId, who.name(), text, clock.now());
    long id = store.triage().addNote(n);
    audit.record(who, "note.add", deviceId, null, Map.of("id", id, "note", text));
    return new TriageNote(id, n.deviceId(), n.author(), n.body(), n.createdAt());
  }

  private void requireDevice(String deviceId) {
    if (store.devices().find(deviceId).isEmpty()) {
      throw ReviewException.notFound("device", deviceId);
    }
  }
}
