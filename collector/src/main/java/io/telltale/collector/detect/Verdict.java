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

  /** Whether {@code other} says the same thing (flag, score, reasons, cluster): history only records changes. */
  public boolean sameOutcome(@Nullable Verdict other) {
    return other != null && other.flagged == flagged && other.score == score && other.reasons().equals(reasons())
        && java.util.Objects.equals(other.clusterId, clusterId);
  }
}
