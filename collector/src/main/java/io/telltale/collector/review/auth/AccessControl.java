package io.telltale.collector.review.auth;

import static java.util.Objects.requireNonNull;

import io.telltale.collector.internal.Clock;
import io.telltale.collector.review.AuditTrail;
import io.telltale.collector.review.Principal;
import io.telltale.collector.review.ReviewException;
import io.telltale.collector.review.Role;
import io.telltale.collector.store.AccessRepository;
import io.telltale.collector.store.ApiTokenRecord;
import io.telltale.collector.store.ConsoleSession;
import io.telltale.collector.store.UserAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Authentication: API tokens ({@code Authorization: Bearer tta_...}), console sessions (cookie), and
 * password logins with per-account lockout and per-address throttling. Every login, failed login and
 * logout is audited. Thread-safe; blocks on the store (and, for logins, on Argon2id).
 */
public final class AccessControl {

  /** API token prefix: recognisable in logs of leaked-secret scanners. */
  public static final String TOKEN_PREFIX = "tta_";
  /** Consecutive failed logins that lock an account. */
  public static final int MAX_FAILED_LOGINS = 5;
  /** How long a locked account stays locked. */
  public static final Duration LOCKOUT = Duration.ofMinutes(15);
  /** Absolute lifetime of a console session. */
  public static final Duration SESSION_TTL = Duration.ofHours(8);
  /** A token's last-used time is written at most this often (saves a write per API call). */
  private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

  private final AccessRepository repo;
  private final PasswordHasher hasher;
  private final LoginThrottle throttle;
  private final AuditTrail audit;
  private final Clock clock;
  // Verified against when the user does not exist, so a wrong name takes as long as a wrong password.
  private final String dummyHash;

  public AccessControl(AccessRepository repo, PasswordHasher hasher, AuditTrail audit, Clock clock) {
    this.repo = requireNonNull(repo, "repo");
    this.hasher = requireNonNull(hasher, "hasher");
    this.audit = requireNonNull(audit, "audit");
    this.clock = requireNonNull(clock, "clock");
    this.throttle = new LoginThrottle(clock);
    this.dummyHash = hasher.hash(Secrets.password());
  }

  /** The principal of a bearer token, or empty when it is unknown, revoked or expired. */
  public Optional<Principal> bearer(String token, String sourceIp) {
    if (!token.startsWith(TOKEN_PREFIX)) {
      return Optional.empty();
    }
    Instant now = clock.now();
    Optional<ApiTokenRecord> found = repo.findApiTokenByHash(Secrets.sha256(token));
    if (found.isEmpty() || !found.get().activeAt(now)) {
      return Optional.empty();
    }
    ApiTokenRecord t = found.get();
    if (t.lastUsedAt() == null || t.lastUsedAt().plus(TOUCH_EVERY).isBefore(now)) {
      repo.touchApiToken(t.id(), now);
    }
    return Optional.of(new Principal("token:" + t.id(), Role.parse(t.role()), Principal.Via.API_TOKEN, "", sourceIp));
  }

  /** The principal of a session cookie, or empty when the session is unknown, expired or its user disabled. */
  public Optional<Principal> session(String cookieValue, String sourceIp) {
    Optional<ConsoleSession> s = repo.findSession(Secrets.sha256(cookieValue));
    if (s.isEmpty() || !s.get().expiresAt().isAfter(clock.now())) {
      return Optional.empty();
    }
    Optional<UserAccount> user = repo.findUser(s.get().username());
    if (user.isEmpty() || user.get().disabled()) {
      return Optional.empty();
    }
    return Optional.of(new Principal(user.get().username(), Role.parse(user.get().role()), Principal.Via.SESSION,
        s.get().csrfToken(), sourceIp));
  }

  /** A successful login: the cookie value (shown to the browser only) and who logged in. */
  public record Login(String cookieValue, Principal principal, Instant expiresAt) {}

  /**
   * Checks a password and opens a session. Refuses with {@code TOO_MANY_REQUESTS} while the address is
   * throttled or the account locked, and with {@code UNAUTHENTICATED} (same message whether the name or the
   * password was wrong) otherwise.
   */
  public Login login(String username, String password, String sourceIp) {
    Instant now = clock.now();
    String name = username.trim();
    if (!throttle.allowed(sourceIp)) {
      audit.record(name, sourceIp, "login.refused", name, null, Map.of("reason", "address throttled"));
      throw new ReviewException(ReviewException.Kind.TOO_MANY_REQUESTS,
          "login: too many failed attempts from this address (expected: wait " + LoginThrottle.WINDOW.toMinutes()
              + " minutes)");
    }
    Optional<UserAccount> user = repo.findUser(name);
    if (user.isPresent() && user.get().lockedAt(now)) {
      audit.record(name, sourceIp, "login.refused", name, null, Map.of("reason", "account locked"));
      throw new ReviewException(ReviewException.Kind.TOO_MANY_REQUESTS,
          "login: account locked after " + MAX_FAILED_LOGINS + " failed attempts (expected: wait "
              + LOCKOUT.toMinutes() + " minutes or ask an administrator)");
    }
    boolean ok;
    if (user.isPresent()) {
      ok = hasher.verify(password, user.get().passwordHash());
    } else {
      hasher.verify(password, dummyHash); // same cost as a real check; the result does not matter
      ok = false;
    }
    if (!ok || user.get().disabled()) {
      throttle.failed(sourceIp);
      if (user.isPresent()) {
        repo.recordLoginFailure(name, MAX_FAILED_LOGINS, now.plus(LOCKOUT));
      }
      audit.record(user.isPresent() ? name : "anonymous", sourceIp, "login.failed", name, null,
          Map.of("reason", user.isEmpty() ? "unknown user" : ok ? "disabled" : "wrong password"));
      throw new ReviewException(ReviewException.Kind.UNAUTHENTICATED,
          "login: wrong username or password (expected: an active account and its password)");
    }
    throttle.succeeded(sourceIp);
    repo.recordLoginSuccess(name);
    repo.deleteExpiredSessions(now);
    String cookie = Secrets.random("tts_");
    ConsoleSession session = new ConsoleSession(Secrets.sha256(cookie), name, Secrets.random("ttc_"), now,
        now.plus(SESSION_TTL));
    repo.createSession(session);
    Principal p = new Principal(name, Role.parse(user.get().role()), Principal.Via.SESSION, session.csrfToken(),
        sourceIp);
    audit.record(p, "login", name, null, Map.of("role", p.role().id()));
    return new Login(cookie, p, session.expiresAt());
  }

  /** Ends the session of {@code cookieValue}. */
  public void logout(String cookieValue, Principal who) {
    repo.deleteSession(Secrets.sha256(cookieValue));
    audit.record(who, "logout", who.name(), null, null);
  }
}
