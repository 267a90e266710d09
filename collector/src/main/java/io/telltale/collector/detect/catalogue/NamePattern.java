package io.telltale.collector.detect.catalogue;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A case-insensitive name pattern where {@code *} matches any run of characters. Immutable and
 * thread-safe.
 */
public final class NamePattern {

  private final String text;
  private final Pattern regex;
  /** The common shapes, matched without a regex: "name", "name*", "*name", "*name*". */
  private final Shape shape;
  private final String literal;

  private enum Shape { EXACT, PREFIX, SUFFIX, CONTAINS, REGEX }

  private NamePattern(String text) {
    this.text = text;
    String inner = text.length() > 1 && text.startsWith("*") && text.endsWith("*") ? text.substring(1, text.length() - 1)
        : text.startsWith("*") ? text.substring(1) : text.endsWith("*") ? text.substring(0, text.length() - 1) : text;
    if (inner.isEmpty() || inner.contains("*")) {
      this.shape = Shape.REGEX;
    } else if (text.length() > 1 && text.startsWith("*") && text.endsWith("*")) {
      this.shape = Shape.CONTAINS;
    } else if (text.startsWith("*")) {
      this.shape = Shape.SUFFIX;
    } else if (text.endsWith("*")) {
      this.shape = Shape.PREFIX;
    } else {
      this.shape = Shape.EXACT;
    }
    this.literal = inner.toLowerCase(Locale.ROOT);
    StringBuilder re = new StringBuilder();
    for (String part : text.split("\\*", -1)) {
      if (re.length() > 0 || text.startsWith("*")) {
        re.append(".*");
      }
      re.append(Pattern.quote(part.toLowerCase(Locale.ROOT)));
    }
    if (text.equals("*")) {
      re.setLength(0);
      re.append(".*");
    }
    this.regex = Pattern.compile(re.toString(), Pattern.DOTALL);
  }

  public static NamePattern of(String text) {
    return new NamePattern(requireNonNull(text, "text").trim());
  }

  public boolean matches(String value) {
    if (value.isEmpty()) {
      return false;
    }
    int n = literal.length();
    return switch (shape) {
      case EXACT -> value.toLowerCase(Locale.ROOT).equals(literal); // as NameIndex looks it up
      case PREFIX -> value.regionMatches(true, 0, literal, 0, n);
      case SUFFIX -> value.length() >= n && value.regionMatches(true, value.length() - n, literal, 0, n);
      case CONTAINS -> value.toLowerCase(Locale.ROOT).contains(literal);
      case REGEX -> regex.matcher(value.toLowerCase(Locale.ROOT)).matches();
    };
  }

  /**
   * Matches an installed product name: equal, or the pattern followed by a version or edition ("TeamViewer
   * 15", "Tableau 2024.3", "Chrome Remote Desktop Host").
   */
  public boolean matchesProduct(String value) {
    if (matches(value)) {
      return true;
    }
    String v = value.toLowerCase(Locale.ROOT);
    String t = text.toLowerCase(Locale.ROOT);
    return !text.contains("*") && v.length() > t.length() && v.startsWith(t)
        && !Character.isLetter(v.charAt(t.length()));
  }

  public String text() {
    return text;
  }

  /** The lower-case name this pattern equals (ignoring case), or null when it has a wildcard. */
  @org.jspecify.annotations.Nullable String exactName() {
    return shape == Shape.EXACT ? literal : null;
  }

  @Override
  public String toString() {
    return text;
  }
}
