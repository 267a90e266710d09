package io.telltale.collector.review;

import static java.util.Objects.requireNonNull;

/**
 * One located problem in something a user submitted: a policy (line, column, rule id) or a CSV (row).
 *
 * @param line 1-based line or CSV row; 0 = not tied to a line
 * @param column 1-based column; 0 = whole line
 * @param ref rule id or CSV field the problem is about; "" = none
 */
public record Problem(int line, int column, String ref, String message) {
  public Problem {
    requireNonNull(ref, "ref");
    requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return (line > 0 ? line + (column > 0 ? ":" + column : "") + ": " : "") + (ref.isEmpty() ? "" : ref + ": ")
        + message;
  }
}
