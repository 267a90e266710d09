package io.telltale.collector.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A console login session. The cookie value is never stored, only its SHA-256.
 *
 * @param csrfToken synchronizer token every state-changing request of this session must carry
 */
public record ConsoleSession(String idHash, String username, String csrfToken, Instant createdAt, Instant expiresAt) {
  public ConsoleSession {
    requireNonNull(idHash, "idHash");
    requireNonNull(username, "username");
    requireNonNull(csrfToken, "csrfToken");
    requireNonNull(createdAt, "createdAt");
    requireNonNull(expiresAt, "expiresAt");
  }
}
