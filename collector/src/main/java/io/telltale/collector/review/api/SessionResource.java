package io.telltale.collector.review.api;

import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.annotation.Delete;
import com.linecorp.armeria.server.annotation.Get;
import com.linecorp.armeria.server.annotation.Post;
import com.linecorp.armeria.server.annotation.ProducesJson;
import io.telltale.collector.review.JsonText;
import io.telltale.collector.review.Principal;
import io.telltale.collector.review.ReviewException;
import io.telltale.collector.review.auth.AccessControl;
import org.jspecify.annotations.Nullable;

/** {@code /session}: password login to a cookie session (for scripts driving the console), who am I, logout. */
final class SessionResource {

  /** Login body. */
  record LoginRequest(@Nullable String username, @Nullable String password) {}

  /** Who is calling, and the CSRF token a cookie session must echo in {@code X-CSRF-Token}. */
  record SessionInfo(String username, String role, String via, String csrfToken) {
    static SessionInfo of(Principal p) {
      return new SessionInfo(p.name(), p.role().id(), p.via().name().toLowerCase(java.util.Locale.ROOT), p.csrfToken());
    }
  }

  private final AccessControl access;

  SessionResource(AccessControl access) {
    this.access = access;
  }

  @Post("/session")
  public HttpResponse login(ServiceRequestContext ctx, LoginRequest body) {
    if (body.username() == null || body.password() == null) {
      throw ReviewException.invalid("body: username and password (expected: both present)");
    }
    AccessControl.Login login = access.login(body.username(), body.password(), RequestAuth.clientIp(ctx));
    ResponseHeaders headers = ResponseHeaders.builder(HttpStatus.OK).contentType(MediaType.JSON_UTF_8)
        .cookie(RequestAuth.sessionCookie(login.cookieValue(), AccessControl.SESSION_TTL)).build();
    return HttpResponse.of(headers, com.linecorp.armeria.common.HttpData.ofUtf8(
        JsonText.of(SessionInfo.of(login.principal()))));
  }

  @Get("/session")
  @ProducesJson
  public SessionInfo whoami(ServiceRequestContext ctx) {
    return SessionInfo.of(RequestAuth.principal(ctx));
  }

  @Delete("/session")
  public HttpResponse logout(ServiceRequestContext ctx) {
    Principal p = RequestAuth.principal(ctx);
    RequestAuth.sessionCookie(ctx.request().headers()).ifPresent(v -> access.logout(v, p));
    return HttpResponse.of(ResponseHeaders.builder(HttpStatus.NO_CONTENT)
        .cookie(RequestAuth.expiredSessionCookie()).set(HttpHeaderNames.CACHE_CONTROL, "no-store").build());
  }
}
