package io.telltale.collector.review;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a user or API token may do. Each role includes everything the roles before it may do. */
public enum Role {
  /** Reads devices, verdicts, clusters, triage, policies and the roster. */
  VIEWER,
  /** A viewer who also triages devices, writes notes and exports. */
  ANALYST,
  /** Everything: policies, roster, enrollment tokens, users, API tokens, the audit log. */
  ADMIN;

  /** Whether this role may do what {@code required} may. */
  public boolean includes(Role required) {
    return compareTo(required) >= 0;
  }

  /** Lower-case name, as stored and shown. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses "viewer", "analyst" or "admin" (any case). */
  public static Role parse(String text) {
    for (Role r : values()) {
      if (r.id().equalsIgnoreCase(text.trim())) {
        return r;
      }
    }
    throw ReviewException.invalid("role: '" + text + "' (expected: one of "
        + Arrays.stream(values()).map(Role::id).collect(Collectors.joining(", ")) + ")");
  }
}
