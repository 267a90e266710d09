package io.telltale.collector.review;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * What the review side asks of detection about policies: the live one, its history, checking a candidate
 * text (problems with line and column), a dry run (which devices would change) and applying. Detection
 * provides the implementation; {@link #UNAVAILABLE} refuses every call while no engine is wired.
 * Implementations are thread-safe; calls may block (a dry run evaluates the fleet).
 */
public interface PolicyEngine {

  /**
   * An applied policy text.
   *
   * @param version short version label (e.g. the first hex digits of the text's SHA-256)
   * @param source where it came from (file name, "api:alice", "default")
   */
  record Version(String version, String text, String source, Instant appliedAt) {
    public Version {
      requireNonNull(version, "version");
      requireNonNull(text, "text");
      requireNonNull(source, "source");
      requireNonNull(appliedAt, "appliedAt");
    }
  }

  /** A device whose verdict a candidate policy would change. */
  record VerdictChange(String deviceId, String hostname, String levelBefore, int scoreBefore, String levelAfter,
      int scoreAfter, List<String> rulesAfter) {
    public VerdictChange {
      rulesAfter = List.copyOf(rulesAfter);
    }
  }

  Version current();

  /** Applied versions, newest first. */
  List<Version> history();

  /** Problems of {@code text}; empty when every rule compiles and type-checks. */
  List<Problem> validate(String text);

  /** Devices whose verdict would change under {@code text}; a {@link ReviewException} with problems if invalid. */
  List<VerdictChange> dryRun(String text);

  /** Applies {@code text} atomically, or throws a {@link ReviewException} with problems and changes nothing. */
  Version apply(String text, String source);

  /** No detection engine wired: every call answers UNAVAILABLE. */
  PolicyEngine UNAVAILABLE = new PolicyEngine() {
    private ReviewException unavailable() {
      return new ReviewException(ReviewException.Kind.UNAVAILABLE,
          "policy: detection engine not running (expected: a collector with detection enabled)");
    }

    @Override
    public Version current() {
      throw unavailable();
    }

    @Override
    public List<Version> history() {
      throw unavailable();
    }

    @Override
    public List<Problem> validate(String text) {
      throw unavailable();
    }

    @Override
    public List<VerdictChange> dryRun(String text) {
      throw unavailable();
    }

    @Override
    public Version apply(String text, String source) {
      throw unavailable();
    }
  };
}
