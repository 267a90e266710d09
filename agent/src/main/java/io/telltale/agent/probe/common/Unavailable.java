package io.telltale.agent.probe.common;

import io.telltale.agent.probe.Failures;
import io.telltale.agent.probe.Probe;
import org.jspecify.annotations.Nullable;

/** A fact this platform's agent cannot observe (yet): always unknown, with the reason in the report. */
public final class Unavailable<T> implements Probe<T> {

  private final String name;
  private final String reason;

  private Unavailable(String name, String reason) {
    this.name = name;
    this.reason = reason;
  }

  public static <T> Probe<T> probe(String name, String reason) {
    return new Unavailable<>(name, reason);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public @Nullable T observe(Failures failures) {
    failures.add(name, reason);
    return null;
  }
}
