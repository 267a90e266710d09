package io.telltale.collector.internal;

import java.time.Instant;

/** The collector's source of time; tests and the simulator inject their own. */
@FunctionalInterface
public interface Clock {

  Clock SYSTEM = Instant::now;

  Instant now();

  default long millis() {
    return now().toEpochMilli();
  }
}
