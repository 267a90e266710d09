package io.telltale.collector.review.console;

import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.annotation.Get;
import com.linecorp.armeria.server.annotation.Param;
import com.linecorp.armeria.server.annotation.Post;
import io.telltale.collector.review.Principal;
import io.telltale.collector.review.Problem;
import io.telltale.collector.review.ReviewException;
import io.telltale.collector.review.ReviewServices;
import io.telltale.collector.review.Role;
import io.telltale.collector.review.RosterAdmin;
import io.telltale.collector.review.api.Durations;
import io.telltale.collector.review.api.RequestAuth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Roster import, enrollment tokens, users and API tokens. Secrets appear once, on the page that created them. */
final class AdminPages {

  private final ReviewServices review;
  private final Templates templates;

  AdminPages(ReviewServices review, Templates templates) {
    this.review = review;
    this.templates = templates;
  }

  @Get("/roster")
  public HttpResponse roster(ServiceRequestContext ctx) {
    Principal p = RequestAuth.principal(ctx);
    Map<String, Object> s = Scope.of(p, "Roster", "Roster");
    s.put("employees", review.roster().list(p));
    return templates.page("roster", s);
  }

  @Post("/roster")
  public HttpResponse importRoster(ServiceRequestContext ctx, @Param("csv") String csv) {
    Principal p = RequestAuth.principal(ctx);
    Map<String, Object> s = Scope.of(p, "Roster", "Roster");
    HttpStatus status = HttpStatus.OK;
    try {
      RosterAdmin.Imported imported = review.roster().importCsv(p, csv);
      s.put("imported", imported);
    } catch (ReviewException e) {
      if (e.kind() != ReviewException.Kind.INVALID_ARGUMENT) {
        throw e;
      }
      List<Problem> problems = e.problems().isEmpty() ? List.of(new Problem(0, 0, "", e.getMessage())) : e.problems();
      s.put("problemCount", problems.size());
      s.put("problems", problems);
      s.put("csv", csv);
      status = HttpStatus.BAD_REQUEST;
    }
    s.put("employees", review.roster().list(p));
    return templates.page(status, "roster", s);
  }

  @Get("/enrollment")
  public HttpResponse enrollment(ServiceRequestContext ctx, @Param("done") Optional<String> done) {
    Principal p = RequestAuth.principal(ctx);
    Map<String, Object> s = Scope.of(p, "Enrollment", "Enrollment", done.orElse(null));
    s.put("tokens", review.enrollment().list(p));
    return templates.page("enrollment", s);
  }

  @Post("/enrollment")
  public HttpResponse createEnrollment(ServiceRequestContext ctx, @Param("expires") String expires,
      @Param("max_uses") int maxUses) {
    Principal p = RequestAuth.principal(ctx);
    var created = review.enrollment().create(p, Durations.parse("expires", expires), maxUses);
    Map<String, Object> s = Scope.of(p, "Enrollment", "Enrollment");
    s.put("created", created);
    s.put("tokens", review.enrollment().list(p));
    return templates.page("enrollment", s);
  }

  @Post("/enrollment/{id}/revoke")
  public HttpResponse revokeEnrollment(ServiceRequestContext ctx, @Param("id") String id) {
    review.enrollment().revoke(RequestAuth.principal(ctx), id);
    return ConsoleAuth.redirect("/enrollment?done=revoked");
  }

  @Get("/users")
  public HttpResponse users(ServiceRequestContext ctx, @Param("done") Optional<String> done) {
    Principal p = RequestAuth.principal(ctx);
    Map<String, Object> s = Scope.of(p, "Users", "Users", done.orElse(null));
    s.put("users", review.users().list(p));
    return templates.page("users", s);
  }

  @Post("/users")
  public HttpResponse createUser(ServiceRequestContext ctx, @Param("username") String username,
      @Param("role") String role, @Param("password") Optional<String> password) {
    Principal p = RequestAuth.principal(ctx);
    var created = review.users().create(p, username, Role.parse(role), password.filter(x -> !x.isEmpty()).orElse(null));
    Map<String, Object> s = Scope.of(p, "Users", "Users");
    s.put("created", created);
    s.put("users", review.users().list(p));
    return templates.page("users", s);
  }

  @Post("/users/{username}")
  public HttpResponse updateUser(ServiceRequestContext ctx, @Param("username") String username,
      @Param("role") Optional<String> role, @Param("disabled") Optional<String> disabled,
      @Param("password") Optional<String> password) {
    review.users().update(RequestAuth.principal(ctx), username,
        role.filter(x -> !x.isBlank()).map(Role::parse).orElse(null),
        disabled.filter(x -> !x.isBlank()).map(Boolean::valueOf).orElse(null),
        password.filter(x -> !x.isEmpty()).orElse(null));
    return ConsoleAuth.redirect("/users?done=user");
  }

  @Get("/tokens")
  public HttpResponse tokens(ServiceRequestContext ctx, @Param("done") Optional<String> done) {
    Principal p = RequestAuth.principal(ctx);
    Map<String, Object> s = Scope.of(p, "API tokens", "Tokens", done.orElse(null));
    s.put("tokens", review.apiTokens().list(p));
    return templates.page("tokens", s);
  }

  @Post("/tokens")
  public HttpResponse createToken(ServiceRequestContext ctx, @Param("name") String name, @Param("role") String role,
      @Param("expires") Optional<String> expires) {
    Principal p = RequestAuth.principal(ctx);
    var created = review.apiTokens().create(p, name, Role.parse(role),
        expires.filter(x -> !x.isBlank()).map(x -> Durations.parse("expires", x)).orElse(null));
    Map<String, Object> s = Scope.of(p, "API tokens", "Tokens");
    s.put("created", created);
    s.put("tokens", review.apiTokens().list(p));
    return templates.page("tokens", s);
  }

  @Post("/tokens/{id}/revoke")
  public HttpResponse revokeToken(ServiceRequestContext ctx, @Param("id") String id) {
    review.apiTokens().revoke(RequestAuth.principal(ctx), id);
    return ConsoleAuth.redirect("/tokens?done=revoked");
  }

  @Get("/audit")
  public HttpResponse audit(ServiceRequestContext ctx, @Param("actor") Optional<String> actor,
      @Param("action") Optional<String> action, @Param("offset") Optional<Integer> offset) {
    Principal p = RequestAuth.principal(ctx);
    int from = Math.max(0, offset.orElse(0));
    int page = 100;
    var entries = review.audit().list(p, actor.orElse(null), action.orElse(null), null, null, from, page);
    Map<String, Object> s = Scope.of(p, "Audit log", "Audit");
    s.put("entries", entries);
    s.put("actor", actor.orElse(""));
    s.put("action", action.orElse(""));
    var q = com.linecorp.armeria.common.QueryParams.builder();
    actor.ifPresent(v -> q.add("actor", v));
    action.ifPresent(v -> q.add("action", v));
    if (from > 0) {
      s.put("prev", q.build().toBuilder().add("offset", Integer.toString(Math.max(0, from - page))).build()
          .toQueryString());
    }
    if (entries.size() == page) {
      s.put("next", q.build().toBuilder().add("offset", Integer.toString(from + page)).build().toQueryString());
    }
    return templates.page("audit", s);
  }
}
