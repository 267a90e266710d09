package io.telltale.collector.detect.policy;

import static java.util.Objects.requireNonNull;

import dev.cel.runtime.CelRuntime;
import java.util.Set;

/**
 * A rule with its type-checked CEL program and the signal fields its condition reads ("kvm.usb_identity"),
 * used to attach the evidence behind those fields to a finding. Immutable; the program is thread-safe.
 */
public record CompiledRule(Rule rule, CelRuntime.Program program, Set<String> fields) {
  public CompiledRule {
    requireNonNull(rule, "rule");
    requireNonNull(program, "program");
    fields = Set.copyOf(fields);
  }
}
