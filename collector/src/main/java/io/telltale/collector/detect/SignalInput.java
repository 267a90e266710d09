package io.telltale.collector.detect;

import static java.util.Objects.requireNonNull;

import io.telltale.collector.detect.geo.IpIntel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything signals are computed from: stored state only (never the order reports arrived in), plus the
 * moment "now" from the injected clock.
 *
 * @param evidence the device's evidence ledger entries last seen within the lookback
 * @param hours the device's hour bits within the lookback
 * @param lookback how far back history counts
 * @param silentAfter how long without a report makes the agent "silent"
 */
public record SignalInput(
    DeviceFacts facts,
    List<EvidenceRecord> evidence,
    List<HourBits> hours,
    @Nullable Employee employee,
    IpIntel intel,
    @Nullable ClusterView cluster,
    Approvals approvals,
    Instant now,
    Duration lookback,
    Duration silentAfter) {

  public SignalInput {
    requireNonNull(facts, "facts");
    evidence = List.copyOf(evidence);
    hours = List.copyOf(hours);
    requireNonNull(intel, "intel");
    requireNonNull(approvals, "approvals");
    requireNonNull(now, "now");
    requireNonNull(lookback, "lookback");
    requireNonNull(silentAfter, "silentAfter");
  }

  /** Evidence records whose signal is {@code signal}. */
  List<EvidenceRecord> withSignal(String signal) {
    return evidence.stream().filter(r -> r.evidence().signal().equals(signal)).toList();
  }

  List<EvidenceRecord> withGroup(String group) {
    return evidence.stream().filter(r -> r.evidence().group().equals(group)).toList();
  }
}
