package io.telltale.collector.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Users, API tokens and console sessions. Blocking calls; thread-safe. */
public interface AccessRepository {

  /** Stores a new user; false when the username is taken. */
  boolean createUser(UserAccount user);

  Optional<UserAccount> findUser(String username);

  /** All users by name. */
  List<UserAccount> users();

  /** Whether any user exists (first-start bootstrap). */
  boolean anyUser();

  /** Sets role, password hash and disabled time of an existing user; false when unknown. */
  boolean updateUser(String username, String role, String passwordHash, @Nullable Instant disabledAt);

  /**
   * Counts a failed login; when the count reaches {@code maxFailures} the account is locked until
   * {@code lockedUntil} and the count restarts. Returns the updated account (empty when unknown).
   */
  Optional<UserAccount> recordLoginFailure(String username, int maxFailures, Instant lockedUntil);

  /** Clears the failure count and any lock. */
  void recordLoginSuccess(String username);

  void createApiToken(ApiTokenRecord token);

  Optional<ApiTokenRecord> findApiTokenByHash(String hashHex);

  /** All API tokens, newest first. */
  List<ApiTokenRecord> apiTokens();

  /** Revokes a token; false when unknown or already revoked. */
  boolean revokeApiToken(String id, Instant at);

  /** Records a use; best effort. */
  void touchApiToken(String id, Instant at);

  void createSession(ConsoleSession session);

  Optional<ConsoleSession> findSession(String idHash);

  void deleteSession(String idHash);

  /** Ends every session of a user (password change, disable). Returns how many. */
  int deleteSessionsOf(String username);

  /** Removes sessions expired before {@code now}. Returns how many. */
  int deleteExpiredSessions(Instant now);
}
