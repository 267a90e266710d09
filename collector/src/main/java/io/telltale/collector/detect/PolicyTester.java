package io.telltale.collector.detect;

import static java.util.Objects.requireNonNull;

import io.telltale.collector.detect.policy.ApplyResult;
import io.telltale.collector.detect.policy.PolicySet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The "what would change" use case behind {@code policy test} (and the REST API): evaluates every stored
 * device under the live policy and under a candidate, and lists the devices whose verdict would change.
 * Nothing is stored or applied. Blocking; cost is one evaluation per device per policy.
 */
public final class PolicyTester {

  private final DetectionEngine engine;

  public PolicyTester(DetectionEngine engine) {
    this.engine = requireNonNull(engine, "engine");
  }

  /** A device whose verdict differs between the live policy and the candidate. */
  public record Change(String deviceId, String hostname, Verdict before, Verdict after) {
    public boolean flagChanged() {
      return before.flagged() != after.flagged();
    }
  }

  /** Outcome: the candidate's problems (then nothing was evaluated), or the changes and device count. */
  public record Report(@Nullable PolicySet candidate, List<io.telltale.collector.detect.yaml.Problem> problems,
      int devices, List<Change> changes) {}

  public Report test(String source, String text) {
    ApplyResult checked = engine.policies().check(source, text);
    if (!checked.ok()) {
      return new Report(null, checked.problems(), 0, List.of());
    }
    PolicySet candidate = checked.applied();
    // One preview per policy: each computes clusters and member evidence with its own windows, shared
    // between the devices of that preview only (the two policies' windows and lookbacks may differ).
    DetectionEngine.Preview live = engine.preview(engine.policies().current());
    DetectionEngine.Preview tried = engine.preview(candidate);
    List<Change> changes = new ArrayList<>();
    List<String> ids = engine.deviceIds();
    for (String id : ids) {
      Optional<Verdict> before = live.verdict(id);
      Optional<Verdict> after = tried.verdict(id);
      if (before.isPresent() && after.isPresent() && !after.get().sameOutcome(before.get())) {
        changes.add(new Change(id, after.get().hostname(), before.get(), after.get()));
      }
    }
    changes.sort((a, b) -> Boolean.compare(b.flagChanged(), a.flagChanged()) != 0
        ? Boolean.compare(b.flagChanged(), a.flagChanged()) : a.hostname().compareTo(b.hostname()));
    return new Report(candidate, List.of(), ids.size(), changes);
  }
}
