package io.telltale.agent.transport;

import java.util.function.DoubleSupplier;

/**
 * Capped exponential backoff with jitter: 1 s, 2 s, 4 s ... up to 5 minutes, each multiplied by a random
 * factor in [0.5, 1.0) ("equal jitter") so that thousands of laptops that lost the collector at the same
 * moment do not come back at the same moment. Not thread-safe.
 */
public final class Backoff {

  /** First retry after about a second: a restarting collector is usually back within seconds. */
  static final long INITIAL_MS = 1_000;
  /** Cap of five minutes: the default report interval, so an outage costs at most one interval of delay. */
  static final long MAX_MS = 5 * 60_000;

  private final DoubleSupplier random;
  private int failures;

  public Backoff(DoubleSupplier random) {
    this.random = random;
  }

  /** Records a failure and returns how long to wait before the next attempt, in milliseconds. */
  public long nextDelayMs() {
    long base = Math.min(MAX_MS, INITIAL_MS << Math.min(failures, 20));
    failures++;
    return (long) (base * (0.5 + random.getAsDouble() / 2));
  }

  public void reset() {
    failures = 0;
  }

  public int failures() {
    return failures;
  }
}
