package io.telltale.collector.review.auth;

import io.telltale.collector.internal.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Failed logins per client address in a sliding window: after {@link #MAX_FAILURES} failures within
 * {@link #WINDOW} the address is refused until the window passes. Complements the per-account lockout in
 * the store (which stops guessing one password from many addresses); this one stops one address from
 * guessing many accounts. In memory and bounded ({@link #MAX_ADDRESSES}, oldest forgotten first), so a
 * flood of addresses costs memory once and never grows it. Thread-safe.
 */
public final class LoginThrottle {

  static final int MAX_FAILURES = 10;
  static final Duration WINDOW = Duration.ofMinutes(15);
  static final int MAX_ADDRESSES = 10_000;

  private record Window(Instant start, int failures) {}

  private final Clock clock;
  private final Map<String, Window> byAddress = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
      return size() > MAX_ADDRESSES;
    }
  };

  public LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** Whether a login attempt from {@code address} may proceed now. */
  public synchronized boolean allowed(String address) {
    Window w = byAddress.get(address);
    if (w == null || w.start().plus(WINDOW).isBefore(clock.now())) {
      return true;
    }
    return w.failures() < MAX_FAILURES;
  }

  public synchronized void failed(String address) {
    Instant now = clock.now();
    Window w = byAddress.get(address);
    if (w == null || w.start().plus(WINDOW).isBefore(now)) {
      byAddress.put(address, new Window(now, 1));
    } else {
      byAddress.put(address, new Window(w.start(), w.failures() + 1));
    }
  }

  public synchronized void succeeded(String address) {
    byAddress.remove(address);
  }
}
