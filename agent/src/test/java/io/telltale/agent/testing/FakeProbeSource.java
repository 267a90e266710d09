package io.telltale.agent.testing;

import io.telltale.agent.probe.ActivityRecord;
import io.telltale.agent.probe.Observations;
import io.telltale.agent.probe.OsFamily;
import io.telltale.agent.probe.PowerFacts;
import io.telltale.agent.probe.SessionFacts;
import io.telltale.agent.probe.SoftwareFacts;
import io.telltale.agent.probe.SystemFacts;
import io.telltale.agent.probe.ProbeSource;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** A probe source with settable facts, for delivery tests. */
public final class FakeProbeSource implements ProbeSource {

  public volatile List<String> processes = List.of("explorer.exe");
  public volatile Set<String> enabled = Set.of();
  /** How many times the agent observed. */
  public final AtomicInteger observations = new AtomicInteger();
  private long lastMinute = -1;

  @Override
  public Observations observe(Instant now, boolean full) {
    observations.incrementAndGet();
    return new Observations(now,
        new SystemFacts(OsFamily.LINUX, "Debian 12", "6.1", "host-1", "SER1", "LENOVO", "20XW", now.getEpochSecond() % 100_000, false),
        new SoftwareFacts(processes.stream().map(p -> SoftwareFacts.RunningProcess.of(p, "")).toList(), List.of(), List.of(), List.of()),
        null, null, null,
        new PowerFacts(true, true, 100, false, null),
        new SessionFacts(List.of(new SessionFacts.Session(SessionFacts.Kind.CONSOLE, "alice", "", "", null)), null, null, 5, false),
        List.of());
  }

  @Override
  public ActivityRecord drainActivity(Instant now) {
    long minute = now.getEpochSecond() / 60;
    long first = lastMinute < 0 ? minute - 10 : lastMinute;
    lastMinute = minute;
    int covered = (int) (minute - first);
    List<ActivityRecord.Minute> minutes = new java.util.ArrayList<>();
    for (int i = 0; i < covered; i++) {
      minutes.add(new ActivityRecord.Minute(i, 40 + i, 0, 0, 0, 0));
    }
    return new ActivityRecord(first, covered, minutes, List.of());
  }

  @Override
  public void restrictTo(Set<String> enabledProbes) {
    enabled = Set.copyOf(enabledProbes);
  }
}
