package io.telltale.collector;

import io.telltale.collector.internal.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/** A clock tests move by hand. */
public final class FakeClock implements Clock {

  private final AtomicReference<Instant> now;

  public FakeClock(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  @Override
  public Instant now() {
    return now.get();
  }

  public void advance(Duration d) {
    now.updateAndGet(t -> t.plus(d));
  }
}
