package io.telltale.collector.review;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Triage workflow: NEW → INVESTIGATING → CONFIRMED or FALSE_POSITIVE → CLOSED. A closed case may be
 * reopened (→ INVESTIGATING) when the device misbehaves again; nothing else skips a step.
 */
public enum TriageState {
  NEW,
  INVESTIGATING,
  CONFIRMED,
  FALSE_POSITIVE,
  CLOSED;

  /** States reachable from this one in a single step (staying put is always allowed). */
  public Set<TriageState> next() {
    return switch (this) {
      case NEW -> EnumSet.of(INVESTIGATING);
      case INVESTIGATING -> EnumSet.of(CONFIRMED, FALSE_POSITIVE);
      case CONFIRMED, FALSE_POSITIVE -> EnumSet.of(CLOSED, INVESTIGATING);
      case CLOSED -> EnumSet.of(INVESTIGATING);
    };
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** Parses a state name ("false_positive", "false positive", "FALSE_POSITIVE" all work). */
  public static TriageState parse(String text) {
    String t = text.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    for (TriageState s : values()) {
      if (s.name().equals(t)) {
        return s;
      }
    }
    throw ReviewException.invalid("state: '" + text + "' (expected: one of "
        + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")) + ")");
  }
}
