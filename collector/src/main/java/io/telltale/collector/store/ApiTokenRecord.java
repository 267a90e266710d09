package io.telltale.collector.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An API token as stored: only the SHA-256 of the secret.
 *
 * @param id short public identifier (lists, revocation, audit)
 * @param createdBy username of the administrator who created it
 * @param role role the token acts with ("viewer", "analyst", "admin")
 * @param expiresAt {@code null} = never expires
 * @param lastUsedAt {@code null} = never used
 */
public record ApiTokenRecord(
    String id,
    String hashHex,
    String name,
    String createdBy,
    String role,
    Instant createdAt,
    @Nullable Instant expiresAt,
    @Nullable Instant revokedAt,
    @Nullable Instant lastUsedAt) {

  public ApiTokenRecord {
    requireNonNull(id, "id");
    requireNonNull(hashHex, "hashHex");
    requireNonNull(name, "name");
    requireNonNull(createdBy, "createdBy");
    requireNonNull(role, "role");
    requireNonNull(createdAt, "createdAt");
  }

  /** Usable at {@code now}: not revoked and not expired. */
  public boolean activeAt(Instant now) {
    return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
  }
}
