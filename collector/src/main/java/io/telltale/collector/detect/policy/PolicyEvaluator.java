package io.telltale.collector.detect.policy;

import io.telltale.collector.detect.Evidence;
import io.telltale.collector.detect.Finding;
import io.telltale.collector.detect.Signals;
import io.telltale.collector.detect.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link PolicySet} over one device's {@link Signals} and scores the result. Every rule runs guarded:
 * a rule that throws (or does not return a bool) is counted, logged at most once a minute, and left out; the
 * other rules and the verdict carry on. Thread-safe.
 *
 * <p>Scoring (INDICATORS 11.8): within an evidence group only the heaviest matching rule counts, so one
 * observation never scores twice; a device is flagged when a {@code flags_alone} rule holds, or when the
 * score reaches the threshold with at least {@code min_groups} independent groups behind it.
 */
public final class PolicyEvaluator {

  private static final Logger LOG = LoggerFactory.getLogger(PolicyEvaluator.class);

  private static final long LOG_INTERVAL_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(1);

  private final LongAdder failures = new LongAdder();
  private final java.util.concurrent.atomic.AtomicLong nextLogNanos = new java.util.concurrent.atomic.AtomicLong(System.nanoTime());
  private final LongAdder unlogged = new LongAdder();

  /** Rule evaluations that threw since start. */
  public long failures() {
    return failures.sum();
  }

  public Verdict evaluate(PolicySet set, Signals s, String employeeId, Instant now) {
    Map<String, Object> vars = PolicyInputAdapter.toCel(s);
    List<Finding> hits = new ArrayList<>();
    List<String> suppressed = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    for (CompiledRule cr : set.rules()) {
      Rule r = cr.rule();
      boolean holds;
      try {
        Object result = cr.program().eval(vars);
        if (!(result instanceof Boolean b)) {
          throw new IllegalStateException("returned " + result.getClass().getSimpleName() + " (expected: bool)");
        }
        holds = b;
      } catch (Exception | StackOverflowError e) {
        failures.increment();
        failed.add(r.id());
        logFailure(s.device().id(), r.id(), e);
        continue;
      }
      if (!holds) {
        continue;
      }
      boolean isSuppressed = set.policy().suppressions().stream()
          .anyMatch(x -> x.applies(r.id(), s.device().id(), s.device().hostname(), employeeId, now));
      if (isSuppressed) {
        suppressed.add(r.id());
        continue;
      }
      hits.add(new Finding(r.id(), r.title(), r.severity(), r.weight(), r.group(), r.flagsAlone(), false,
          evidenceFor(cr, s)));
    }
    return score(set, s, hits, suppressed, failed, now);
  }

  /** At most one WARN a minute, with the count of failures not logged in between. */
  private void logFailure(String deviceId, String ruleId, Throwable e) {
    long now = System.nanoTime();
    long next = nextLogNanos.get();
    if (now - next < 0 || !nextLogNanos.compareAndSet(next, now + LOG_INTERVAL_NANOS)) {
      unlogged.increment();
      return;
    }
    LOG.warn("{} - rule {} failed ({} more rule failures since the last line): {}", deviceId, ruleId,
        unlogged.sumThenReset(), e.toString());
  }

  private static Verdict score(PolicySet set, Signals s, List<Finding> hits, List<String> suppressed,
      List<String> failed, Instant now) {
    hits.sort(Comparator.comparingInt(Finding::weight).reversed().thenComparing(Finding::ruleId));
    Map<String, Finding> heaviest = new HashMap<>();
    for (Finding f : hits) {
      heaviest.putIfAbsent(f.group(), f);
    }
    List<Finding> findings = new ArrayList<>();
    int score = 0;
    boolean alone = false;
    Set<String> groups = new TreeSet<>();
    for (Finding f : hits) {
      boolean counted = heaviest.get(f.group()) == f;
      if (counted) {
        score += f.weight();
        if (f.weight() > 0) {
          groups.add(f.group());
        }
      }
      alone |= f.flagsAlone();
      findings.add(new Finding(f.ruleId(), f.title(), f.severity(), f.weight(), f.group(), f.flagsAlone(), counted,
          f.evidence()));
    }
    Policy p = set.policy();
    boolean flagged = alone || (score >= p.flagThreshold() && groups.size() >= p.minGroups());
    String cluster = s.cluster().member() ? s.cluster().id() : null;
    return new Verdict(s.device().id(), s.device().hostname(), score, flagged, findings, cluster, set.version(), now,
        suppressed, failed);
  }

  /** Evidence tagged with a field the rule reads; else everything of the groups it reads. */
  private static List<Evidence> evidenceFor(CompiledRule cr, Signals s) {
    List<Evidence> exact = new ArrayList<>();
    Set<String> groups = new TreeSet<>();
    for (String f : cr.fields()) {
      groups.add(f.substring(0, f.indexOf('.')));
    }
    for (Evidence e : s.evidence()) {
      if (cr.fields().contains(e.signal())) {
        exact.add(e);
      }
    }
    if (!exact.isEmpty()) {
      return exact;
    }
    return s.evidence().stream().filter(e -> groups.contains(e.group())).toList();
  }
}
