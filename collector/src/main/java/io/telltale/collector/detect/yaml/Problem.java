package io.telltale.collector.detect.yaml;

import static java.util.Objects.requireNonNull;

/**
 * One thing wrong with an administrator's file, at a 1-based line and column (0 when unknown).
 *
 * @param source the file name (or another label of the text) the position refers to
 */
public record Problem(String source, int line, int column, String message) {

  public Problem {
    requireNonNull(source, "source");
    requireNonNull(message, "message");
  }

  /** {@code file:line:column: message}, the shape editors and CI logs understand. */
  @Override
  public String toString() {
    return source + ":" + line + ":" + column + ": " + message;
  }
}
