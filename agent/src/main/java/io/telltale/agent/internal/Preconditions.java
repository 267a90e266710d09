package io.telltale.agent.internal;

/** Argument checks whose messages show the value and what was expected: "x: value (expected: ...)". */
public final class Preconditions {

  private Preconditions() {}

  /** Throws {@link IllegalArgumentException} with {@code String.format(format, args)} unless {@code ok}. */
  public static void checkArgument(boolean ok, String format, Object... args) {
    if (!ok) {
      throw new IllegalArgumentException(String.format(format, args));
    }
  }
}
