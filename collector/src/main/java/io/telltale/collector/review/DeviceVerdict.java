package io.telltale.collector.review;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A device's verdict as the review side shows it: score, flag, and every finding with the evidence behind
 * it. Built by the {@link DetectionView} adapter from detection's own records.
 *
 * @param clusterId fleet cluster the device belongs to; null = none
 * @param policyVersion version label of the policy that produced it
 */
public record DeviceVerdict(
    String deviceId,
    int score,
    boolean flagged,
    List<Finding> findings,
    @Nullable String clusterId,
    String policyVersion,
    Instant computedAt) {

  public DeviceVerdict {
    requireNonNull(deviceId, "deviceId");
    findings = List.copyOf(findings);
    requireNonNull(policyVersion, "policyVersion");
    requireNonNull(computedAt, "computedAt");
  }

  /** "flagged", "suspicious" (score but not flagged) or "clean". */
  public String level() {
    return flagged ? "flagged" : score > 0 ? "suspicious" : "clean";
  }

  /**
   * A rule that held.
   *
   * @param counted whether its weight counted toward the score
   */
  public record Finding(String ruleId, String title, String severity, int weight, boolean counted,
      List<Evidence> evidence) {
    public Finding {
      requireNonNull(ruleId, "ruleId");
      requireNonNull(title, "title");
      requireNonNull(severity, "severity");
      evidence = List.copyOf(evidence);
    }
  }

  /**
   * One observation behind a finding, as an analyst can check it on the laptop.
   *
   * @param signal the policy input it supports, e.g. "kvm.usb_identity"
   * @param detail structured facts (ids, names), sorted by key
   * @param firstSeen null = not tracked
   */
  public record Evidence(String signal, String summary, Map<String, String> detail, @Nullable Instant firstSeen,
      @Nullable Instant lastSeen) {
    public Evidence {
      requireNonNull(signal, "signal");
      requireNonNull(summary, "summary");
      detail = Map.copyOf(new TreeMap<>(detail));
    }
  }
}
