package io.telltale.collector.review;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * Policy administration over the {@link PolicyEngine}: everyone reads the live policy and its history;
 * administrators validate, dry-run and apply. Validate, test and apply are audited (apply with the
 * versions before and after). Thread-safe.
 */
public final class Policies {

  /** Largest policy text accepted. */
  public static final int MAX_TEXT = 1024 * 1024;

  /** Result of a validation: problems located by line, column and rule id; valid when empty. */
  public record Validation(boolean valid, List<Problem> problems) {}

  /** A version with the diff against the version before it. */
  public record VersionDiff(PolicyEngine.Version version, String previousVersion, List<TextDiff.Line> diff) {}

  private final PolicyEngine engine;
  private final AuditTrail audit;

  public Policies(PolicyEngine engine, AuditTrail audit) {
    this.engine = requireNonNull(engine, "engine");
    this.audit = requireNonNull(audit, "audit");
  }

  public PolicyEngine.Version current(Principal who) {
    who.require(Role.VIEWER);
    return engine.current();
  }

  public List<PolicyEngine.Version> history(Principal who) {
    who.require(Role.VIEWER);
    return engine.history();
  }

  /** Version {@code version} and its diff against the version applied before it. */
  public VersionDiff diff(Principal who, String version) {
    who.require(Role.VIEWER);
    List<PolicyEngine.Version> all = engine.history();
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).version().equals(version)) {
        PolicyEngine.Version previous = i + 1 < all.size() ? all.get(i + 1) : null;
        return new VersionDiff(all.get(i), previous == null ? "" : previous.version(),
            TextDiff.diff(previous == null ? "" : previous.text(), all.get(i).text()));
      }
    }
    throw ReviewException.notFound("policy version", version);
  }

  public Validation validate(Principal who, String text) {
    who.require(Role.ADMIN);
    checkSize(text);
    List<Problem> problems = engine.validate(text);
    audit.record(who, "policy.validate", "", null, Map.of("valid", problems.isEmpty(), "problems", problems.size()));
    return new Validation(problems.isEmpty(), problems);
  }

  public List<PolicyEngine.VerdictChange> test(Principal who, String text) {
    who.require(Role.ADMIN);
    checkSize(text);
    try {
      List<PolicyEngine.VerdictChange> changes = engine.dryRun(text);
      audit.record(who, "policy.test", "", null, Map.of("valid", true, "changes", changes.size()));
      return changes;
    } catch (ReviewException e) {
      audit.record(who, "policy.test", "", null, Map.of("valid", false, "problems", e.problems().size()));
      throw e;
    }
  }

  public PolicyEngine.Version apply(Principal who, String text) {
    who.require(Role.ADMIN);
    checkSize(text);
    PolicyEngine.Version before = engine.current();
    try {
      PolicyEngine.Version after = engine.apply(text, "api:" + who.name());
      audit.record(who, "policy.apply", after.version(), Map.of("version", before.version()),
          Map.of("version", after.version()));
      return after;
    } catch (ReviewException e) {
      audit.record(who, "policy.apply.rejected", "", Map.of("version", before.version()),
          Map.of("problems", e.problems().size()));
      throw e;
    }
  }

  private static void checkSize(String text) {
    if (text.length() > MAX_TEXT) {
      throw ReviewException.invalid("policy: " + text.length() + " characters (expected: at most " + MAX_TEXT + ")");
    }
  }
}
