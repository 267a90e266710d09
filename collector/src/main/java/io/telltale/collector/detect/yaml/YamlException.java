package io.telltale.collector.detect.yaml;

import java.util.List;
import java.util.stream.Collectors;

/** A YAML document was rejected; {@link #problems()} says where and why, in file order. */
public final class YamlException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  public YamlException(List<Problem> problems) {
    this(sorted(problems), true);
  }

  private YamlException(List<Problem> sorted, boolean unused) {
    super(sorted.stream().map(Problem::toString).collect(Collectors.joining("\n")));
    this.problems = sorted;
  }

  private static List<Problem> sorted(List<Problem> problems) {
    return problems.stream().sorted(java.util.Comparator.comparing(Problem::source)
        .thenComparingInt(Problem::line).thenComparingInt(Problem::column)).toList();
  }

  public List<Problem> problems() {
    return problems;
  }
}
