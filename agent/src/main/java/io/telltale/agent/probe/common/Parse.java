package io.telltale.agent.probe.common;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The single lenient number parser of the probes: OS output is messy ("  42 ", "0x1d6b", "1,5", "n/a"), so
 * every parse returns a caller-chosen fallback instead of throwing. Never call {@code Integer.parseInt}
 * directly in a probe.
 */
public final class Parse {

  private Parse() {}

  /** Decimal integer (surrounding blanks and a trailing unit ignored: "250mA" is 250). */
  public static int toInt(@Nullable String s, int fallback) {
    long v = toLong(s, Long.MIN_VALUE);
    return v == Long.MIN_VALUE || v > Integer.MAX_VALUE || v < Integer.MIN_VALUE ? fallback : (int) v;
  }

  /** Decimal long; leading sign allowed; parsing stops at the first non-digit after at least one digit. */
  public static long toLong(@Nullable String s, long fallback) {
    if (s == null) {
      return fallback;
    }
    String t = s.trim();
    int i = 0;
    boolean negative = false;
    if (!t.isEmpty() && (t.charAt(0) == '-' || t.charAt(0) == '+')) {
      negative = t.charAt(0) == '-';
      i = 1;
    }
    long v = 0;
    int digits = 0;
    for (; i < t.length() && Character.isDigit(t.charAt(i)) && digits < 19; i++, digits++) {
      v = v * 10 + (t.charAt(i) - '0');
    }
    if (digits == 0) {
      return fallback;
    }
    return negative ? -v : v;
  }

  /** Hexadecimal ("1d6b", "0x1D6B", "1D6B\n"); fallback when not hex. */
  public static long hexToLong(@Nullable String s, long fallback) {
    if (s == null) {
      return fallback;
    }
    String t = s.trim().toLowerCase(Locale.ROOT);
    if (t.startsWith("0x")) {
      t = t.substring(2);
    }
    if (t.isEmpty() || t.length() > 16) {
      return fallback;
    }
    long v = 0;
    for (int i = 0; i < t.length(); i++) {
      int d = Character.digit(t.charAt(i), 16);
      if (d < 0) {
        return fallback;
      }
      v = (v << 4) | d;
    }
    return v;
  }

  /** Hexadecimal int; fallback when not hex or out of range. */
  public static int hexToInt(@Nullable String s, int fallback) {
    long v = hexToLong(s, -1);
    return v < 0 || v > 0xFFFF_FFFFL ? fallback : (int) v;
  }

  /** Decimal number with '.' or ',' as separator ("59.94", "59,94"); fallback when not a number. */
  public static double toDouble(@Nullable String s, double fallback) {
    if (s == null) {
      return fallback;
    }
    String t = s.trim().replace(',', '.');
    int end = 0;
    while (end < t.length() && (Character.isDigit(t.charAt(end)) || t.charAt(end) == '.'
        || (end == 0 && (t.charAt(0) == '-' || t.charAt(0) == '+')))) {
      end++;
    }
    try {
      return end == 0 ? fallback : Double.parseDouble(t.substring(0, end));
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  /** Four lower-case hex digits of a 16-bit id ("1d6b"); "" for a negative value. */
  public static String hex4(int value) {
    return value < 0 ? "" : String.format(Locale.ROOT, "%04x", value & 0xFFFF);
  }

  /** A hex id text normalised to 4 lower-case digits ("0x1D6B" → "1d6b"); "" when not hex. */
  public static String hex4(@Nullable String s) {
    int v = hexToInt(s, -1);
    return v < 0 || v > 0xFFFF ? "" : hex4(v);
  }
}
