package io.telltale.collector.detect.policy;

import io.telltale.collector.detect.yaml.Problem;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Outcome of applying a policy: the new live set, or the problems (file:line:column: reason, rule id in the
 * reason) that kept the previous one in force.
 */
public record ApplyResult(@Nullable PolicySet applied, List<Problem> problems) {

  public ApplyResult {
    problems = List.copyOf(problems);
  }

  public boolean ok() {
    return applied != null;
  }
}
