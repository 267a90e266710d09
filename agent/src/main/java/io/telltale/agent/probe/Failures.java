package io.telltale.agent.probe;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/** Collects what probes could not observe during one pass. Not thread-safe; one per pass. */
public final class Failures {

  // A broken OS can make every file fail; the report should still stay small.
  private static final int MAX = 64;

  private final List<Observations.ProbeFailure> list = new ArrayList<>();
  private int overflow;

  /** Records that {@code probe} could not observe something, with a short reason. */
  public void add(String probe, String reason) {
    requireNonNull(probe, "probe");
    requireNonNull(reason, "reason");
    if (list.size() < MAX) {
      list.add(new Observations.ProbeFailure(probe, reason));
    } else {
      overflow++;
    }
  }

  /** Adds every failure of {@code other}. */
  public void addAll(List<Observations.ProbeFailure> other) {
    other.forEach(f -> add(f.probe(), f.reason()));
  }

  /** The failures so far (a copy), with one summary entry when some were left out. */
  public List<Observations.ProbeFailure> toList() {
    List<Observations.ProbeFailure> out = new ArrayList<>(list);
    if (overflow > 0) {
      out.add(new Observations.ProbeFailure("agent", overflow + " more probe failures left out"));
    }
    return List.copyOf(out);
  }
}
