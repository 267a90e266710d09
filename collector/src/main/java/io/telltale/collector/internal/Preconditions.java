package io.telltale.collector.internal;

/** Argument checks whose messages follow the house shape "name: value (expected: ...)". */
public final class Preconditions {

  private Preconditions() {}

  /** Throws {@link IllegalArgumentException} with the formatted message when {@code condition} is false. */
  public static void checkArgument(boolean condition, String format, Object... args) {
    if (!condition) {
      throw new IllegalArgumentException(String.format(format, args));
    }
  }

  /** Throws {@link IllegalStateException} with the formatted message when {@code condition} is false. */
  public static void checkState(boolean condition, String format, Object... args) {
    if (!condition) {
      throw new IllegalStateException(String.format(format, args));
    }
  }
}
