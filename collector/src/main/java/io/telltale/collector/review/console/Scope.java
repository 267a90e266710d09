package io.telltale.collector.review.console;

import io.telltale.collector.review.Principal;
import io.telltale.collector.review.Role;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The values every page template sees: who is logged in, their CSRF token, the title and the active tab. */
final class Scope {

  /** Fixed confirmation messages shown after a redirect ({@code ?done=KEY}); never text from the URL. */
  private static final Map<String, String> DONE = Map.of(
      "triage", "Triage saved.",
      "note", "Note added.",
      "revoked", "Revoked.",
      "device-revoked", "Device revoked: the collector refuses its reports from now on.",
      "user", "User updated.",
      "applied", "Policy applied.");

  private Scope() {}

  static Map<String, Object> of(@Nullable Principal p, String title, String nav) {
    Map<String, Object> s = new HashMap<>();
    s.put("title", title);
    s.put("nav" + nav, true);
    if (p != null) {
      Map<String, Object> me = new HashMap<>();
      me.put("name", p.name());
      me.put("role", p.role().id());
      me.put("csrf", p.csrfToken());
      me.put("admin", p.role().includes(Role.ADMIN));
      me.put("nav" + nav, true);
      s.put("me", me);
      s.put("csrf", p.csrfToken());
      s.put("admin", p.role().includes(Role.ADMIN));
      s.put("analyst", p.role().includes(Role.ANALYST));
    }
    return s;
  }

  static Map<String, Object> of(Principal p, String title, String nav, @Nullable String done) {
    Map<String, Object> s = of(p, title, nav);
    if (done != null && DONE.containsKey(done)) {
      s.put("flash", DONE.get(done));
    }
    return s;
  }
}
