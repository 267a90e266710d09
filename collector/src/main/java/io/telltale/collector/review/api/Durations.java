package io.telltale.collector.review.api;

import io.telltale.collector.review.ReviewException;
import java.time.Duration;
import java.util.Locale;

/** Parses "7d", "12h", "30m" or an ISO-8601 duration in request parameters. */
public final class Durations {

  private Durations() {}

  public static Duration parse(String name, String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    try {
      Duration d;
      if (t.matches("\\d{1,6}[dhm]")) {
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        d = switch (t.charAt(t.length() - 1)) {
          case 'd' -> Duration.ofDays(n);
          case 'h' -> Duration.ofHours(n);
          default -> Duration.ofMinutes(n);
        };
      } else {
        d = Duration.parse(text.trim().toUpperCase(Locale.ROOT));
      }
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("not positive");
      }
      return d;
    } catch (RuntimeException e) {
      throw ReviewException.invalid(name + ": '" + text + "' (expected: a positive duration, e.g. 7d, 12h, 30m)");
    }
  }
}
