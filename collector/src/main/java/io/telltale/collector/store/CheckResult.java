package io.telltale.collector.store;

import org.jspecify.annotations.Nullable;

/** Outcome of a health check: ok, or the (safe to show) reason it is not. */
public record CheckResult(boolean ok, @Nullable String error) {

  public static final CheckResult OK = new CheckResult(true, null);

  public static CheckResult failed(String error) {
    return new CheckResult(false, error);
  }
}
