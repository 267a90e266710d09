package io.telltale.collector.review;

import static java.util.Objects.requireNonNull;

import io.telltale.collector.detect.DetectionEngine;
import io.telltale.collector.detect.Evidence;
import io.telltale.collector.detect.EvidenceRecord;
import io.telltale.collector.detect.Finding;
import io.telltale.collector.detect.Signals;
import io.telltale.collector.detect.Verdict;
import io.telltale.collector.detect.policy.ApplyResult;
import io.telltale.collector.detect.policy.PolicyEvaluator;
import io.telltale.collector.detect.policy.PolicyRegistry;
import io.telltale.collector.detect.policy.PolicySet;
import io.telltale.collector.detect.policy.PolicyVersions;
import io.telltale.collector.internal.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The review side's view of the real detection engine: verdicts and their history from its repository
 * (with first/last seen from the evidence ledger on the device page), and policies through its
 * {@link PolicyRegistry} (check, apply, versions). The one place that maps detection records to review
 * records. Thread-safe; calls block on detection's repository.
 *
 * <p>The dry run evaluates the candidate policy's rules over each device's current signals (computed with
 * the live policy's windows and intel); a candidate that also changes windows or known networks can move a
 * few more devices than the dry run shows.
 */
public final class EngineDetection implements DetectionView, PolicyEngine {

  /** How far back the device page looks up evidence first/last seen. */
  static final Duration LEDGER_LOOKBACK = Duration.ofDays(90);
  private static final String EDITOR_SOURCE = "policy.yaml";

  private final DetectionEngine engine;
  private final PolicyRegistry registry;
  private final PolicyEvaluator evaluator = new PolicyEvaluator();
  private final Clock clock;

  public EngineDetection(DetectionEngine engine, Clock clock) {
    this.engine = requireNonNull(engine, "engine");
    this.registry = engine.policies();
    this.clock = requireNonNull(clock, "clock");
  }

  /** What to hand {@link ReviewServices}. */
  public static ReviewServices.Detection binding(DetectionEngine engine, Clock clock) {
    EngineDetection d = new EngineDetection(engine, clock);
    return new ReviewServices.Detection(d, d);
  }

  @Override
  public Map<String, DeviceVerdict> verdicts() {
    Map<String, DeviceVerdict> out = new HashMap<>();
    for (Verdict v : engine.repository().verdicts()) {
      out.put(v.deviceId(), convert(v, Map.of()));
    }
    return out;
  }

  @Override
  public Optional<DeviceVerdict> verdict(String deviceId) {
    Optional<Verdict> v = engine.repository().verdict(deviceId);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    Map<String, EvidenceRecord> ledger = new HashMap<>();
    for (EvidenceRecord r : engine.repository().evidence(deviceId, clock.now().minus(LEDGER_LOOKBACK))) {
      ledger.put(r.evidence().signal() + "\u0000" + r.evidence().key(), r);
    }
    return Optional.of(convert(v.get(), ledger));
  }

  @Override
  public List<DeviceVerdict> history(String deviceId) {
    return engine.repository().history(deviceId).stream().map(v -> convert(v, Map.of())).toList();
  }

  static DeviceVerdict convert(Verdict v, Map<String, EvidenceRecord> ledger) {
    List<DeviceVerdict.Finding> findings = new ArrayList<>();
    for (Finding f : v.findings()) {
      List<DeviceVerdict.Evidence> evidence = new ArrayList<>();
      for (Evidence e : f.evidence()) {
        EvidenceRecord seen = ledger.get(e.signal() + "\u0000" + e.key());
        evidence.add(new DeviceVerdict.Evidence(e.signal(), e.summary(), e.detail(),
            seen == null ? null : seen.firstSeen(), seen == null ? null : seen.lastSeen()));
      }
      findings.add(new DeviceVerdict.Finding(f.ruleId(), f.title(), f.severity(), f.weight(), f.counted(), evidence));
    }
    return new DeviceVerdict(v.deviceId(), v.score(), v.flagged(), findings, v.clusterId(), v.policyVersion(),
        v.computedAt());
  }

  @Override
  public Version current() {
    PolicySet set = registry.current();
    return new Version(set.version(), set.policy().text(), set.source(), set.appliedAt());
  }

  @Override
  public List<Version> history() {
    return registry.versions().history().stream().map(EngineDetection::version).toList();
  }

  private static Version version(PolicyVersions.PolicyVersion v) {
    return new Version(v.sha256().substring(0, Math.min(12, v.sha256().length())), v.text(), v.source(), v.appliedAt());
  }

  @Override
  public List<Problem> validate(String text) {
    return problems(registry.check(EDITOR_SOURCE, text));
  }

  @Override
  public List<VerdictChange> dryRun(String text) {
    ApplyResult candidate = registry.check(EDITOR_SOURCE, text);
    if (!candidate.ok()) {
      throw invalid(candidate);
    }
    PolicySet set = candidate.applied();
    Instant now = clock.now();
    List<VerdictChange> changes = new ArrayList<>();
    for (Verdict before : engine.repository().verdicts()) {
      Optional<Signals> signals = engine.signals(before.deviceId());
      if (signals.isEmpty()) {
        continue;
      }
      String employee = signals.get().employee().id();
      Verdict after = evaluator.evaluate(set, signals.get(), employee, now);
      if (after.flagged() != before.flagged() || after.score() != before.score()) {
        changes.add(new VerdictChange(before.deviceId(), before.hostname(), level(before), before.score(),
            level(after), after.score(), after.reasons()));
      }
    }
    return changes;
  }

  @Override
  public Version apply(String text, String source) {
    ApplyResult result = registry.apply(source, text);
    if (!result.ok()) {
      throw invalid(result);
    }
    return current();
  }

  private static String level(Verdict v) {
    return v.flagged() ? "flagged" : v.score() > 0 ? "suspicious" : "clean";
  }

  private static ReviewException invalid(ApplyResult r) {
    List<Problem> problems = problems(r);
    return new ReviewException(ReviewException.Kind.INVALID_ARGUMENT,
        "policy: " + problems.size() + " problem(s); the live policy is unchanged", problems);
  }

  private static List<Problem> problems(ApplyResult r) {
    return r.problems().stream().map(p -> new Problem(p.line(), p.column(), "", p.message())).toList();
  }
}
