package io.telltale.collector.detect;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A rule that held for a device, with the evidence behind it.
 *
 * @param counted whether its weight counted toward the score (only the heaviest rule of a group counts)
 */
public record Finding(
    String ruleId,
    String title,
    String severity,
    int weight,
    String group,
    boolean flagsAlone,
    boolean counted,
    List<Evidence> evidence) {

  public Finding {
    requireNonNull(ruleId, "ruleId");
    requireNonNull(title, "title");
    requireNonNull(severity, "severity");
    requireNonNull(group, "group");
    evidence = List.copyOf(evidence);
  }
}
