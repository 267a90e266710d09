package io.telltale.collector.detect.yaml;

import java.util.List;
import java.util.stream.Collectors;

/** A YAML document was rejected; {@link #problems()} says where and why, in file order. */
public final class YamlException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  public YamlException(List<Problem> problems) {
    super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
