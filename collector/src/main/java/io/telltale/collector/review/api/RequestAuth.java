package io.telltale.collector.review.api;

import static java.util.Objects.requireNonNull;

import com.linecorp.armeria.common.Cookie;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.netty.util.AttributeKey;
import io.telltale.collector.model.IpAddresses;
import io.telltale.collector.review.Principal;
import io.telltale.collector.review.ReviewException;
import io.telltale.collector.review.auth.AccessControl;
import io.telltale.collector.review.auth.Secrets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Authenticates HTTP requests for the API and the console: a bearer API token, or the console session
 * cookie (HttpOnly, Secure, SameSite=Strict, {@code __Host-} prefixed). Requests authenticated by cookie
 * must also carry the session's CSRF token on every state-changing method (header {@value #CSRF_HEADER} or,
 * for console forms, field {@value #CSRF_FIELD}); bearer tokens are not ambient credentials and need none.
 * Look-ups block on the store, so they run on the blocking executor, never on an event loop.
 */
public final class RequestAuth {

  /** The console session cookie. {@code __Host-}: only set over HTTPS, for this host, for path "/". */
  public static final String SESSION_COOKIE = "__Host-telltale_session";
  public static final String CSRF_HEADER = "x-csrf-token";
  public static final String CSRF_FIELD = "_csrf";

  private static final AttributeKey<Principal> PRINCIPAL = AttributeKey.valueOf(RequestAuth.class, "principal");
  private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

  private final AccessControl access;

  public RequestAuth(AccessControl access) {
    this.access = requireNonNull(access, "access");
  }

  /** The authenticated caller of this request; UNAUTHENTICATED when the decorator did not set one. */
  public static Principal principal(ServiceRequestContext ctx) {
    Principal p = ctx.attr(PRINCIPAL);
    if (p == null) {
      throw new ReviewException(ReviewException.Kind.UNAUTHENTICATED, "credentials: missing (expected: a bearer "
          + "token or a console session)");
    }
    return p;
  }

  /** The authenticated caller, or null when the request is not (yet) authenticated. */
  public static @org.jspecify.annotations.Nullable Principal principalOrNull(ServiceRequestContext ctx) {
    return ctx.attr(PRINCIPAL);
  }

  public static void setPrincipal(ServiceRequestContext ctx, Principal p) {
    ctx.setAttr(PRINCIPAL, p);
  }

  /** The caller's address (a trusted proxy's X-Forwarded-For, else the peer) in the canonical form. */
  public static String clientIp(ServiceRequestContext ctx) {
    return IpAddresses.canonical(ctx.clientAddress());
  }

  public static boolean stateChanging(HttpMethod method) {
    return !SAFE.contains(method);
  }

  /** Who sent these headers (blocking): bearer token first, then the session cookie. */
  public Optional<Principal> resolve(ServiceRequestContext ctx, RequestHeaders headers) {
    String ip = clientIp(ctx);
    String authz = headers.get(HttpHeaderNames.AUTHORIZATION);
    if (authz != null) {
      return authz.regionMatches(true, 0, "Bearer ", 0, 7) ? access.bearer(authz.substring(7).trim(), ip)
          : Optional.empty();
    }
    return sessionCookie(headers).flatMap(v -> access.session(v, ip));
  }

  public static Optional<String> sessionCookie(RequestHeaders headers) {
    for (Cookie c : headers.cookies()) {
      if (c.name().equals(SESSION_COOKIE)) {
        return Optional.of(c.value());
      }
    }
    return Optional.empty();
  }

  /** Whether {@code supplied} is this session's CSRF token (always true for bearer tokens). */
  public static boolean csrfOk(Principal p, String supplied) {
    return p.via() != Principal.Via.SESSION || (!supplied.isEmpty() && Secrets.sameSecret(p.csrfToken(), supplied));
  }

  /** Set-Cookie value opening a session. */
  public static Cookie sessionCookie(String value, Duration maxAge) {
    return Cookie.secureBuilder(SESSION_COOKIE, value).path("/").httpOnly(true).sameSite("Strict")
        .maxAge(maxAge.toSeconds()).build();
  }

  /** Set-Cookie value removing the session cookie. */
  public static Cookie expiredSessionCookie() {
    return Cookie.secureBuilder(SESSION_COOKIE, "").path("/").httpOnly(true).sameSite("Strict").maxAge(0).build();
  }

  /**
   * The API's decorator: 401 without valid credentials, 403 for a cookie-authenticated state change without
   * the CSRF header. {@code open} lists "METHOD path" pairs served without credentials.
   */
  public Function<? super HttpService, ? extends HttpService> apiDecorator(Set<String> open) {
    return delegate -> (HttpService) (ctx, req) -> {
      if (open.contains(req.method() + " " + ctx.path())) {
        return delegate.serve(ctx, req);
      }
      CompletableFuture<HttpResponse> f = CompletableFuture
          .supplyAsync(() -> resolve(ctx, req.headers()), ctx.blockingTaskExecutor())
          .thenApplyAsync(p -> {
            if (p.isEmpty()) {
              return ApiErrors.of(401, "unauthenticated",
                  "credentials: missing, unknown, expired or revoked (expected: Authorization: Bearer <API token> "
                      + "or a console session)", List.of());
            }
            String csrf = req.headers().get(CSRF_HEADER, "");
            if (stateChanging(req.method()) && !csrfOk(p.get(), csrf)) {
              return ApiErrors.of(403, "forbidden", "csrf: missing or wrong " + CSRF_HEADER + " header (expected: "
                  + "the csrfToken of your session)", List.of());
            }
            setPrincipal(ctx, p.get());
            try {
              return delegate.serve(ctx, req);
            } catch (Exception e) {
              return HttpResponse.ofFailure(e);
            }
          }, ctx.eventLoop())
          .exceptionally(t -> ApiErrors.of(503, "unavailable",
              "credentials: cannot be checked, store not reachable (expected: retry shortly)", List.of()));
      return HttpResponse.of(f);
    };
  }
}
