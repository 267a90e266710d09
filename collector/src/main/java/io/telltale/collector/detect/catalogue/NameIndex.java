package io.telltale.collector.detect.catalogue;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Which catalogue entries have a {@link NamePattern} matching a name, without trying every pattern of every
 * entry: patterns without a wildcard (most of the catalogue) are looked up by their lower-case name, the
 * rest are tried one by one. A FULL report lists hundreds of processes, services and applications against
 * a catalogue of a hundred-odd families with several patterns each; trying them all was most of detection's
 * time. The wildcard patterns' verdict on a name is remembered: a fleet runs the same few hundred process and
 * service names, so the regular expressions run once per distinct name, not once per report (up to
 * {@link #MEMO_NAMES} names, then the memory starts over; names longer than {@link #MEMO_MAX_LENGTH} are not
 * remembered). Answers are sets of entry positions (the order of {@code entries}), so callers keep catalogue
 * order. Immutable but for that memory; thread-safe.
 */
public final class NameIndex {

  static final int MEMO_NAMES = 50_000;
  static final int MEMO_MAX_LENGTH = 256;
  private static final BitSet NONE = new BitSet();

  private final Map<String, BitSet> wildcardHits = new ConcurrentHashMap<>();
  private final Map<String, BitSet> exact = new HashMap<>();
  private final List<NamePattern> wildcards = new ArrayList<>();
  private final List<Integer> wildcardOwners = new ArrayList<>();

  private <T> NameIndex(List<T> entries, Function<T, List<NamePattern>> patterns) {
    for (int i = 0; i < entries.size(); i++) {
      for (NamePattern p : patterns.apply(entries.get(i))) {
        String name = p.exactName();
        if (name != null) {
          exact.computeIfAbsent(name, k -> new BitSet()).set(i);
        } else {
          wildcards.add(p);
          wildcardOwners.add(i);
        }
      }
    }
  }

  /** An index of {@code patterns(entry)} for each of {@code entries}. */
  public static <T> NameIndex of(List<T> entries, Function<T, List<NamePattern>> patterns) {
    return new NameIndex(requireNonNull(entries, "entries"), requireNonNull(patterns, "patterns"));
  }

  /** Positions of the entries with a pattern that {@link NamePattern#matches} {@code value}; none for "". */
  public BitSet matching(String value) {
    BitSet out = new BitSet();
    addMatching(value, out);
    return out;
  }

  /** Adds to {@code out} the positions of the entries with a pattern matching {@code value}. */
  public void addMatching(String value, BitSet out) {
    if (value.isEmpty()) {
      return;
    }
    BitSet hit = exact.get(value.toLowerCase(Locale.ROOT));
    if (hit != null) {
      out.or(hit);
    }
    if (wildcards.isEmpty()) {
      return;
    }
    if (value.length() > MEMO_MAX_LENGTH) {
      out.or(wildcardMatches(value));
      return;
    }
    BitSet known = wildcardHits.get(value);
    if (known == null) {
      known = wildcardMatches(value);
      if (wildcardHits.size() >= MEMO_NAMES) {
        wildcardHits.clear(); // bounded: agents choose the names
      }
      wildcardHits.put(value, known.isEmpty() ? NONE : known);
    }
    out.or(known);
  }

  /** Positions of the entries with a wildcard pattern matching {@code value} (never modified once returned). */
  private BitSet wildcardMatches(String value) {
    BitSet hits = new BitSet();
    for (int i = 0; i < wildcards.size(); i++) {
      if (!hits.get(wildcardOwners.get(i)) && wildcards.get(i).matches(value)) {
        hits.set(wildcardOwners.get(i));
      }
    }
    return hits;
  }

  /**
   * Positions of the entries with a pattern that {@link NamePattern#matchesProduct} {@code value}: a match,
   * or a wildcard-free name followed by a version or edition ("TeamViewer 15").
   */
  public BitSet matchingProduct(String value) {
    BitSet out = matching(value);
    String v = value.toLowerCase(Locale.ROOT);
    for (int end = 1; end < v.length(); end++) {
      if (!Character.isLetter(v.charAt(end))) {
        BitSet hit = exact.get(v.substring(0, end));
        if (hit != null) {
          out.or(hit);
        }
      }
    }
    return out;
  }
}
