package io.telltale.collector.detect.policy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where applied policy texts are kept, versioned (the store's detection tables, or memory in tests).
 * Blocking calls; thread-safe.
 */
public interface PolicyVersions {

  /** Records {@code text} as applied; returns its version row. Applying the live text again is a no-op. */
  PolicyVersion record(String sha256, String text, String source, Instant appliedAt);

  /** The most recently applied policy, if any. */
  Optional<PolicyVersion> latest();

  /** Applied versions, newest first. */
  List<PolicyVersion> history();

  /** One applied policy text. */
  record PolicyVersion(long number, String sha256, String text, String source, Instant appliedAt) {}

  /** Keeps versions in memory (tests, evaluate). */
  static PolicyVersions inMemory() {
    return new PolicyVersions() {
      private final java.util.List<PolicyVersion> versions = new java.util.ArrayList<>();

      @Override
      public synchronized PolicyVersion record(String sha256, String text, String source, Instant appliedAt) {
        if (!versions.isEmpty() && versions.get(versions.size() - 1).sha256().equals(sha256)) {
          return versions.get(versions.size() - 1);
        }
        PolicyVersion v = new PolicyVersion(versions.size() + 1, sha256, text, source, appliedAt);
        versions.add(v);
        return v;
      }

      @Override
      public synchronized Optional<PolicyVersion> latest() {
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
      }

      @Override
      public synchronized List<PolicyVersion> history() {
        List<PolicyVersion> out = new java.util.ArrayList<>(versions);
        java.util.Collections.reverse(out);
        return out;
      }
    };
  }
}
