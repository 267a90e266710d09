package io.telltale.agent.probe.common;

import static java.util.Objects.requireNonNull;

import io.telltale.agent.probe.Failures;
import io.telltale.agent.probe.Observations;
import io.telltale.agent.probe.Probe;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A probe whose result (value and failures) is kept for a while, for facts that change slowly and cost a
 * command to read (installed applications, services, the serial number). Cached failures are re-reported on
 * every call, so each report still says why a fact is unknown. Not thread-safe (one observing thread).
 */
public final class Memoized<T> implements Probe<T> {

  private final Probe<T> delegate;
  private final Duration ttl;
  private final Clock clock;
  private @Nullable Instant expiresAt;
  private @Nullable T value;
  private List<Observations.ProbeFailure> failures = List.of();

  private Memoized(Probe<T> delegate, Duration ttl, Clock clock) {
    this.delegate = requireNonNull(delegate, "delegate");
    this.ttl = requireNonNull(ttl, "ttl");
    this.clock = requireNonNull(clock, "clock");
  }

  /** Caches {@code probe}'s result for {@code ttl} by {@code clock}. */
  public static <T> Probe<T> of(Probe<T> probe, Duration ttl, Clock clock) {
    return new Memoized<>(probe, ttl, clock);
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public @Nullable T observe(Failures sink) {
    Instant now = clock.instant();
    if (expiresAt == null || !now.isBefore(expiresAt)) {
      Failures own = new Failures();
      value = delegate.observe(own);
      failures = own.toList();
      expiresAt = now.plus(ttl);
    }
    sink.addAll(failures);
    return value;
  }
}
