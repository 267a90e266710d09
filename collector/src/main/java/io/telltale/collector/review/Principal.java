package io.telltale.collector.review;

import static java.util.Objects.requireNonNull;

/**
 * Who is calling, once authenticated.
 *
 * @param name username, or "token:ID" for an API token (what the audit log records)
 * @param csrfToken the session's synchronizer token; "" for API tokens (no ambient credential, no CSRF)
 * @param sourceIp the client address, for the audit log
 */
public record Principal(String name, Role role, Via via, String csrfToken, String sourceIp) {

  public enum Via {
    SESSION,
    API_TOKEN,
    /** The process itself (bootstrap, demo). */
    SYSTEM
  }

  public Principal {
    requireNonNull(name, "name");
    requireNonNull(role, "role");
    requireNonNull(via, "via");
    requireNonNull(csrfToken, "csrfToken");
    requireNonNull(sourceIp, "sourceIp");
  }

  public static Principal system(String name) {
    return new Principal(name, Role.ADMIN, Via.SYSTEM, "", "");
  }

  /** Throws {@link ReviewException.Kind#FORBIDDEN} unless this principal's role includes {@code required}. */
  public void require(Role required) {
    if (!role.includes(required)) {
      throw new ReviewException(ReviewException.Kind.FORBIDDEN,
          "role: " + role.id() + " (expected: " + required.id() + " or higher)");
    }
  }
}
