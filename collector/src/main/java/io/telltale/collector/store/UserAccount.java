package io.telltale.collector.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A console and API user as stored.
 *
 * @param role "viewer", "analyst" or "admin" (interpreted by {@code review}, stored as text)
 * @param passwordHash PHC-format Argon2id hash; never the password
 * @param disabledAt when an administrator disabled the account; {@code null} = active
 * @param failedLogins consecutive failed logins since the last success
 * @param lockedUntil logins refused until then after too many failures; {@code null} = not locked
 */
public record UserAccount(
    String username,
    String role,
    String passwordHash,
    Instant createdAt,
    @Nullable Instant disabledAt,
    int failedLogins,
    @Nullable Instant lockedUntil) {

  public UserAccount {
    requireNonNull(username, "username");
    requireNonNull(role, "role");
    requireNonNull(passwordHash, "passwordHash");
    requireNonNull(createdAt, "createdAt");
  }

  public boolean disabled() {
    return disabledAt != null;
  }

  public boolean lockedAt(Instant now) {
    return lockedUntil != null && lockedUntil.isAfter(now);
  }
}
