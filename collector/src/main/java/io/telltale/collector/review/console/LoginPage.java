package io.telltale.collector.review.console;

import com.linecorp.armeria.common.Cookie;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.annotation.Get;
import com.linecorp.armeria.server.annotation.Param;
import com.linecorp.armeria.server.annotation.Post;
import io.telltale.collector.review.ReviewException;
import io.telltale.collector.review.api.RequestAuth;
import io.telltale.collector.review.auth.AccessControl;
import io.telltale.collector.review.auth.Secrets;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /login} and {@code /logout}. The login form is protected against login CSRF by a double-submit
 * token: a random {@code __Host-} SameSite=Strict cookie that the form must echo.
 */
final class LoginPage {

  static final String LOGIN_COOKIE = "__Host-telltale_login";

  private final AccessControl access;
  private final Templates templates;

  LoginPage(AccessControl access, Templates templates) {
    this.access = access;
    this.templates = templates;
  }

  @Get("/login")
  public HttpResponse form(ServiceRequestContext ctx) {
    return form(HttpStatus.OK, null, "");
  }

  private HttpResponse form(HttpStatus status, String error, String username) {
    String token = Secrets.random("ttl_");
    Map<String, Object> scope = Scope.of(null, "Sign in", "Login");
    scope.put("loginToken", token);
    scope.put("username", username);
    if (error != null) {
      scope.put("error", error);
    }
    Cookie cookie = Cookie.secureBuilder(LOGIN_COOKIE, token).path("/").httpOnly(true).sameSite("Strict")
        .maxAge(3600).build();
    return HttpResponse.of(ResponseHeaders.builder(status).contentType(MediaType.HTML_UTF_8).cookie(cookie).build(),
        HttpData.ofUtf8(templates.render("login", scope)));
  }

  @Post("/login")
  public HttpResponse login(ServiceRequestContext ctx, @Param("username") Optional<String> username,
      @Param("password") Optional<String> password, @Param("_login") Optional<String> loginToken) {
    String expected = ctx.request().headers().cookies().stream().filter(c -> c.name().equals(LOGIN_COOKIE))
        .map(Cookie::value).findFirst().orElse("");
    if (expected.isEmpty() || !Secrets.sameSecret(expected, loginToken.orElse(""))) {
      return form(HttpStatus.FORBIDDEN, "The sign-in form expired; please try again.", username.orElse(""));
    }
    try {
      AccessControl.Login login = access.login(username.orElse(""), password.orElse(""), RequestAuth.clientIp(ctx));
      return HttpResponse.of(ResponseHeaders.builder(HttpStatus.SEE_OTHER).set("location", "/")
          .cookie(RequestAuth.sessionCookie(login.cookieValue(), AccessControl.SESSION_TTL))
          .cookie(Cookie.secureBuilder(LOGIN_COOKIE, "").path("/").maxAge(0).build()).build());
    } catch (ReviewException e) {
      HttpStatus status = e.kind() == ReviewException.Kind.TOO_MANY_REQUESTS ? HttpStatus.TOO_MANY_REQUESTS
          : HttpStatus.UNAUTHORIZED;
      String message = e.kind() == ReviewException.Kind.TOO_MANY_REQUESTS ? e.getMessage()
          : "Wrong user name or password.";
      return form(status, message, username.orElse(""));
    }
  }

  @Post("/logout")
  public HttpResponse logout(ServiceRequestContext ctx) {
    RequestAuth.sessionCookie(ctx.request().headers())
        .ifPresent(v -> access.logout(v, RequestAuth.principal(ctx)));
    return HttpResponse.of(ResponseHeaders.builder(HttpStatus.SEE_OTHER).set("location", "/login")
        .cookie(RequestAuth.expiredSessionCookie()).build());
  }
}
