package io.telltale.agent.internal;

import java.time.Instant;

/**
 * The agent's only source of time. The real agent uses {@link #system()}; tests use a fake clock and the
 * fleet simulator a scenario clock, which is what lets a scenario play faster than real time with the same
 * results.
 */
@FunctionalInterface
public interface Clock {

  /** Milliseconds since the epoch. */
  long millis();

  default Instant now() {
    return Instant.ofEpochMilli(millis());
  }

  /** The wall clock of this machine. */
  static Clock system() {
    return System::currentTimeMillis;
  }
}
