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

  private NamePattern(String text) {
    this.text = text;
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
    return !value.isEmpty() && regex.matcher(value.toLowerCase(Locale.ROOT)).matches();
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

  @Override
  public String toString() {
    return text;
  }
}
