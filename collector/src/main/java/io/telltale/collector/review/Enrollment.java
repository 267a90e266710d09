package io.telltale.collector.review;

import static java.util.Objects.requireNonNull;

import io.telltale.collector.internal.Clock;
import io.telltale.collector.pki.EnrollmentTokens;
import io.telltale.collector.store.EnrollmentToken;
import io.telltale.collector.store.TokenRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Enrollment tokens for agents (administrators only): create (shown once), list, revoke. Audited. */
public final class Enrollment {

  /** What lists show of a token: never its secret or hash. */
  public record TokenView(String id, Instant createdAt, Instant expiresAt, int maxUses, int uses,
      @Nullable Instant revokedAt, String state) {
    static TokenView of(EnrollmentToken t, Instant now) {
      String state = t.revokedAt() != null ? "revoked" : !t.expiresAt().isAfter(now) ? "expired"
          : t.uses() >= t.maxUses() ? "used up" : "active";
      return new TokenView(t.id(), t.createdAt(), t.expiresAt(), t.maxUses(), t.uses(), t.revokedAt(), state);
    }
  }

  /** A created token and its secret, which exists nowhere else. */
  public record Created(TokenView token, String secret) {}

  private final TokenRepository tokens;
  private final EnrollmentTokens factory;
  private final AuditTrail audit;
  private final Clock clock;

  public Enrollment(TokenRepository tokens, AuditTrail audit, Clock clock) {
    this.tokens = requireNonNull(tokens, "tokens");
    this.factory = new EnrollmentTokens(tokens, clock);
    this.audit = requireNonNull(audit, "audit");
    this.clock = requireNonNull(clock, "clock");
  }

  public Created create(Principal who, Duration validity, int maxUses) {
    who.require(Role.ADMIN);
    EnrollmentTokens.Created c;
    try {
      c = factory.create(validity, maxUses);
    } catch (IllegalArgumentException e) {
      throw ReviewException.invalid(e.getMessage());
    }
    TokenView view = TokenView.of(c.token(), clock.now());
    audit.record(who, "enrollment.create", view.id(), null, view);
    return new Created(view, c.secret());
  }

  public List<TokenView> list(Principal who) {
    who.require(Role.ADMIN);
    Instant now = clock.now();
    return tokens.list().stream().map(t -> TokenView.of(t, now)).toList();
  }

  public void revoke(Principal who, String id) {
    who.require(Role.ADMIN);
    if (!tokens.revoke(id, clock.now())) {
      throw ReviewException.notFound("enrollment token", id);
    }
    audit.record(who, "enrollment.revoke", id, Map.of("revoked", false), Map.of("revoked", true));
  }
}
