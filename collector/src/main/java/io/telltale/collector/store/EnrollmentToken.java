package io.telltale.collector.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An enrollment token as stored: only the SHA-256 of the secret, never the secret.
 *
 * @param id short public identifier (shown by {@code token list}, used by {@code token revoke})
 * @param hashHex hex SHA-256 of the token text
 * @param uses enrollments made with it so far
 */
public record EnrollmentToken(
    String id,
    String hashHex,
    Instant createdAt,
    Instant expiresAt,
    int maxUses,
    int uses,
    @Nullable Instant revokedAt) {

  public EnrollmentToken {
    requireNonNull(id, "id");
    requireNonNull(hashHex, "hashHex");
    requireNonNull(createdAt, "createdAt");
    requireNonNull(expiresAt, "expiresAt");
    if (maxUses < 1) {
      throw new IllegalArgumentException("maxUses: " + maxUses + " (expected: >= 1)");
    }
  }
}
