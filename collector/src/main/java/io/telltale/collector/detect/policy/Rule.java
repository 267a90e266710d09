package io.telltale.collector.detect.policy;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;

/**
 * One policy rule as written.
 *
 * @param weight points added to the device's score when the condition holds (within a group only the
 *     highest weight counts, so one observation never scores twice)
 * @param group the independent-evidence group the rule belongs to (e.g. "remote_access", "kvm_hardware")
 * @param flagsAlone the rule flags a device by itself (strong signals only: INDICATORS 11.8)
 * @param condition CEL expression over the signal model, evaluating to bool
 * @param line 1-based line of the rule in the policy file; {@code conditionLine}/{@code conditionColumn}
 *     locate the first character of the expression text
 */
public record Rule(
    String id,
    String title,
    String severity,
    int weight,
    String group,
    boolean flagsAlone,
    String condition,
    String description,
    String rationale,
    List<String> references,
    int line,
    int conditionLine,
    int conditionColumn,
    boolean conditionIsBlock) {

  public static final Set<String> SEVERITIES = Set.of("info", "low", "medium", "high", "critical");

  public Rule {
    requireNonNull(id, "id");
    requireNonNull(title, "title");
    requireNonNull(severity, "severity");
    requireNonNull(group, "group");
    requireNonNull(condition, "condition");
    requireNonNull(description, "description");
    requireNonNull(rationale, "rationale");
    references = List.copyOf(references);
  }
}
