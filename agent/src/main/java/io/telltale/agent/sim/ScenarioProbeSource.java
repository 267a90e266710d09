package io.telltale.agent.sim;

import static java.util.Objects.requireNonNull;

import io.telltale.agent.internal.Clock;
import io.telltale.agent.probe.ActivityRecord;
import io.telltale.agent.probe.Observations;
import io.telltale.agent.probe.ProbeSource;
import io.telltale.agent.sim.Scenario.DeviceState;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Observes a scenario device instead of a real machine: the device's world at the current scenario time
 * becomes exactly the records a real agent on it would produce (see {@link WorldObserver}). {@code now}
 * passed in is the device clock (scenario time plus the device's skew); the world is looked up at true
 * scenario time from {@code trueClock}. Not thread-safe (one device thread).
 */
public final class ScenarioProbeSource implements ProbeSource {

  private final DeviceTimeline timeline;
  private final Clock trueClock;
  private final WorldObserver world;
  private Set<String> enabled = Set.of();
  private long nextMinute = Long.MIN_VALUE;
  private long lastActiveTrueMs = Long.MIN_VALUE;
  private @Nullable ActivityRecord pending;

  ScenarioProbeSource(DeviceTimeline timeline, Clock trueClock) {
    this.timeline = requireNonNull(timeline, "timeline");
    this.trueClock = requireNonNull(trueClock, "trueClock");
    this.world = new WorldObserver(timeline);
  }

  @Override
  public Observations observe(Instant now, boolean full) {
    Instant t = trueClock.now();
    DeviceState s = timeline.stateAt(t);
    ActivityRecord activity = record(now, t);
    pending = activity;
    if (lastActiveTrueMs == Long.MIN_VALUE) { // looked up once; from then on the records say
      lastActiveTrueMs = ActivityModel.lastInputEnd(timeline, t).toEpochMilli();
    }
    long idle = Math.min(ActivityModel.MAX_IDLE.getSeconds(), Math.max(0, (t.toEpochMilli() - lastActiveTrueMs) / 1000));
    if (ActivityModel.activeAt(timeline, t.truncatedTo(java.time.temporal.ChronoUnit.MINUTES))) {
      idle = t.getEpochSecond() % 60;
    } else if (s.activity().jiggleSeconds() != null) {
      idle = t.getEpochSecond() % Math.max(1, Math.round(s.activity().jiggleSeconds()));
    }
    return world.observe(now, t, s, idle, enabled);
  }

  @Override
  public ActivityRecord drainActivity(Instant now) {
    ActivityRecord r = pending != null ? pending : record(now, trueClock.now());
    pending = null;
    return enabled.isEmpty() || enabled.contains("activity") ? r : ActivityRecord.empty(r.firstMinute());
  }

  private ActivityRecord record(Instant deviceNow, Instant trueNow) {
    long end = Math.floorDiv(deviceNow.toEpochMilli(), 60_000);
    long skew = deviceNow.toEpochMilli() - trueNow.toEpochMilli();
    long first = nextMinute == Long.MIN_VALUE
        ? end - timeline.scenario().reportIntervalMinutes() : Math.min(nextMinute, end);
    ActivityRecord r = ActivityModel.record(timeline, first, end, skew, timeline.device().hostname());
    for (ActivityRecord.Minute m : r.minutes()) {
      if (m.localEvents() + m.injectedEvents() + m.externalEvents() > 0) {
        lastActiveTrueMs = Math.max(lastActiveTrueMs, (first + m.offset() + 1) * 60_000 - skew);
      }
    }
    nextMinute = end;
    return r;
  }

  @Override
  public void restrictTo(Set<String> enabledProbes) {
    this.enabled = Set.copyOf(new HashSet<>(enabledProbes));
  }
}
