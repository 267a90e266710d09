package io.telltale.collector.review;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Device list filters; a null field does not filter.
 *
 * @param level "flagged", "suspicious", "clean" or "unevaluated"
 * @param minScore lowest score shown
 * @param employee employee id or part of the name, case-insensitive
 * @param os "windows", "macos" or "linux"
 * @param seenSince only devices that reported at or after this instant
 * @param text part of the host name, serial or device id, case-insensitive
 * @param triage triage state, e.g. "INVESTIGATING"
 */
public record DeviceFilter(
    @Nullable String level,
    @Nullable Integer minScore,
    @Nullable String cluster,
    @Nullable String employee,
    @Nullable String os,
    @Nullable Instant seenSince,
    @Nullable String text,
    @Nullable String triage) {

  private static final Set<String> LEVELS = Set.of("flagged", "suspicious", "clean", "unevaluated");
  private static final Set<String> OSES = Set.of("windows", "macos", "linux");

  public static final DeviceFilter ALL = new DeviceFilter(null, null, null, null, null, null, null, null);
  public static final DeviceFilter FLAGGED = new DeviceFilter("flagged", null, null, null, null, null, null, null);

  public DeviceFilter {
    level = blank(level);
    if (level != null && !LEVELS.contains(level = level.toLowerCase(Locale.ROOT))) {
      throw ReviewException.invalid("verdict: '" + level + "' (expected: one of flagged, suspicious, clean, unevaluated)");
    }
    os = blank(os);
    if (os != null && !OSES.contains(os = os.toLowerCase(Locale.ROOT))) {
      throw ReviewException.invalid("os: '" + os + "' (expected: one of windows, macos, linux)");
    }
    cluster = blank(cluster);
    employee = blank(employee);
    text = blank(text);
    triage = blank(triage);
    if (triage != null) {
      triage = TriageState.parse(triage).name();
    }
  }

  boolean matches(DeviceSummary d) {
    return (level == null || level.equals(d.level()))
        && (minScore == null || d.score() >= minScore)
        && (cluster == null || cluster.equals(d.clusterId()))
        && (employee == null || d.employeeId().equalsIgnoreCase(employee) || contains(d.employeeName(), employee))
        && (os == null || os.equals(d.os()))
        && (seenSince == null || (d.lastSeen() != null && !d.lastSeen().isBefore(seenSince)))
        && (text == null || contains(d.hostname(), text) || contains(d.serial(), text) || d.id().startsWith(text))
        && (triage == null || triage.equals(d.triageState()));
  }

  private static boolean contains(String haystack, String needle) {
    return haystack.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT));
  }

  private static @Nullable String blank(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
