package io.telltale.collector.detect;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A device's verdict under one policy version at one moment.
 *
 * @param score sum over independent evidence groups of the heaviest matching rule's weight
 * @param flagged whether the device behaves like a laptop-farm host under the policy
 * @param findings matching rules, heaviest first, with their evidence
 * @param clusterId the fleet cluster the device belongs to, null when none
 * @param suppressed ids of rules that held but were suppressed
 * @param failedRules ids of rules that threw during evaluation (their result is unknown, the rest stand)
 */
public record Verdict(
    String deviceId,
    String hostname,
    int score,
    boolean flagged,
    List<Finding> findings,
    @Nullable String clusterId,
    String policyVersion,
    Instant computedAt,
    List<String> suppressed,
    List<String> failedRules) {

  public Verdict {
    requireNonNull(deviceId, "deviceId");
    requireNonNull(hostname, "hostname");
    findings = List.copyOf(findings);
    requireNonNull(policyVersion, "policyVersion");
    requireNonNull(computedAt, "computedAt");
    suppressed = List.copyOf(suppressed);
    failedRules = List.copyOf(failedRules);
  }

  /** Ids of the rules that held, heaviest first. */
  public List<String> reasons() {
    return findings.stream().map(Finding::ruleId).toList();
  }

  /** What this verdict says, as the device's history shows it to the analyst; see {@link Outcome}. */
  public Outcome outcome() {
    return new Outcome(flagged, score, reasons(), clusterId);
  }

  /**
   * Whether {@code other} says the same thing ({@link #outcome()}). Every store appends a verdict to the
   * history exactly when this is false against the verdict it holds: this is the one definition of a change.
   */
  public boolean sameOutcome(@Nullable Verdict other) {
    return other != null && other.outcome().equals(outcome());
  }

  /**
   * What a verdict says, the part whose change is history: the flag, the score, the ids of the rules that held
   * (heaviest first, in order) and the cluster. The history and timeline show the analyst these (level, score,
   * rules, cluster). Not part of it: the policy version, the time, the host name, the findings' titles,
   * weights and evidence, suppressed and failed rules. A verdict differing from the stored one only in those
   * replaces it without a history entry (a policy edit that changes no outcome adds none).
   */
  public record Outcome(boolean flagged, int score, List<String> reasons, @Nullable String clusterId) {
    public Outcome {
      reasons = List.copyOf(reasons);
    }
  }
}
