package io.telltale.collector.store;

import java.time.Instant;
import java.util.List;

/** Enrollment tokens (hashed). Blocking calls; thread-safe. */
public interface TokenRepository {

  void create(EnrollmentToken token);

  /** All tokens, newest first. */
  List<EnrollmentToken> list();

  /** Revokes the token with this id; false when unknown or already revoked. */
  boolean revoke(String id, Instant at);
}
