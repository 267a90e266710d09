package io.telltale.agent.probe;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything one observation pass saw on a device. A {@code null} section was not observed in this pass
 * (its probe is disabled, or it failed: then {@link #failures()} says why). Empty lists inside a section
 * mean "observed, none found".
 */
public record Observations(
    Instant observedAt,
    @Nullable SystemFacts system,
    @Nullable SoftwareFacts software,
    @Nullable HardwareFacts hardware,
    @Nullable NetworkFacts network,
    @Nullable LocaleFacts locale,
    @Nullable PowerFacts power,
    @Nullable SessionFacts sessions,
    List<ProbeFailure> failures) {

  public Observations {
    requireNonNull(observedAt, "observedAt");
    failures = List.copyOf(failures);
  }

  /** A probe that could not observe something; the facts it covers are unknown, not absent. */
  public record ProbeFailure(String probe, String reason) {
    public ProbeFailure {
      requireNonNull(probe, "probe");
      requireNonNull(reason, "reason");
    }
  }
}
