package io.telltale.collector.detect.policy;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * A policy whose every rule compiled and type-checked: what {@link PolicyRegistry} publishes. Immutable and
 * thread-safe.
 *
 * @param appliedAt when it became (or would become) the live policy
 * @param source where it came from: "built-in", a file path, "api", "cli"
 */
public record PolicySet(Policy policy, List<CompiledRule> rules, Instant appliedAt, String source) {
  public PolicySet {
    requireNonNull(policy, "policy");
    rules = List.copyOf(rules);
    requireNonNull(appliedAt, "appliedAt");
    requireNonNull(source, "source");
  }

  public String version() {
    return policy.version();
  }
}
