package io.telltale.collector.review.auth;

import static java.util.Objects.requireNonNull;

import io.telltale.collector.internal.Clock;
import io.telltale.collector.review.AuditTrail;
import io.telltale.collector.review.Principal;
import io.telltale.collector.review.ReviewException;
import io.telltale.collector.review.Role;
import io.telltale.collector.store.AccessRepository;
import io.telltale.collector.store.ApiTokenRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * API tokens for the CLI and automation (administrators only): random, shown once, stored hashed,
 * revocable, with a role and an optional expiry. Thread-safe; blocks on the store.
 */
public final class ApiTokens {

  /** What lists show of a token (never its secret or hash). */
  public record TokenView(String id, String name, String role, String createdBy, Instant createdAt,
      @Nullable Instant expiresAt, @Nullable Instant revokedAt, @Nullable Instant lastUsedAt, String state) {
    static TokenView of(ApiTokenRecord t, Instant now) {
      String state = t.revokedAt() != null ? "revoked" : t.activeAt(now) ? "active" : "expired";
      return new TokenView(t.id(), t.name(), t.role(), t.createdBy(), t.createdAt(), t.expiresAt(), t.revokedAt(),
          t.lastUsedAt(), state);
    }
  }

  /** A new token and its secret, which exists nowhere else. */
  public record Created(TokenView token, String secret) {}

  private final AccessRepository repo;
  private final AuditTrail audit;
  private final Clock clock;

  public ApiTokens(AccessRepository repo, AuditTrail audit, Clock clock) {
    this.repo = requireNonNull(repo, "repo");
    this.audit = requireNonNull(audit, "audit");
    this.clock = requireNonNull(clock, "clock");
  }

  /** Creates a token acting as {@code role}; {@code validity} null = no expiry. */
  public Created create(Principal who, String name, Role role, @Nullable Duration validity) {
    who.require(Role.ADMIN);
    String n = name.trim();
    if (n.isEmpty() || n.length() > 100) {
      throw ReviewException.invalid("name: '" + name + "' (expected: 1-100 characters saying what the token is for)");
    }
    if (validity != null && (validity.isNegative() || validity.isZero())) {
      throw ReviewException.invalid("expires: " + validity + " (expected: > 0, or none)");
    }
    Instant now = clock.now();
    String secret = Secrets.random(AccessControl.TOKEN_PREFIX);
    ApiTokenRecord t = new ApiTokenRecord(Secrets.shortId(), Secrets.sha256(secret), n, who.name(), role.id(), now,
        validity == null ? null : now.plus(validity), null, null);
    repo.createApiToken(t);
    TokenView view = TokenView.of(t, now);
    audit.record(who, "apitoken.create", t.id(), null, view);
    return new Created(view, secret);
  }

  public List<TokenView> list(Principal who) {
    who.require(Role.ADMIN);
    Instant now = clock.now();
    return repo.apiTokens().stream().map(t -> TokenView.of(t, now)).toList();
  }

  public void revoke(Principal who, String id) {
    who.require(Role.ADMIN);
    if (!repo.revokeApiToken(id, clock.now())) {
      throw ReviewException.notFound("api token", id);
    }
    audit.record(who, "apitoken.revoke", id, java.util.Map.of("state", "active"), java.util.Map.of("state", "revoked"));
  }
}
