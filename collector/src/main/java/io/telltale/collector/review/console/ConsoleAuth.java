package io.telltale.collector.review.console;

import static java.util.Objects.requireNonNull;

import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.QueryParams;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.telltale.collector.review.Principal;
import io.telltale.collector.review.api.RequestAuth;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The console's gate: pages need a session cookie (else a redirect to {@code /login}); every POST needs the
 * session's CSRF token in form field {@code _csrf} (checked here, once, for all forms, so no handler can
 * forget it). Bearer tokens are not accepted by the console: it is for people with a browser.
 */
final class ConsoleAuth {

  private final RequestAuth auth;

  ConsoleAuth(RequestAuth auth) {
    this.auth = requireNonNull(auth, "auth");
  }

  static HttpResponse redirect(String location) {
    return HttpResponse.of(ResponseHeaders.builder(HttpStatus.SEE_OTHER).set("location", location).build());
  }

  Function<? super HttpService, ? extends HttpService> decorator() {
    return delegate -> (HttpService) (ctx, req) -> {
      if (ctx.path().equals("/login")) {
        return delegate.serve(ctx, req);
      }
      CompletableFuture<HttpResponse> f = req.aggregate().thenComposeAsync(agg -> CompletableFuture.supplyAsync(
          () -> RequestAuth.sessionCookie(agg.headers()).flatMap(cookie -> auth.resolve(ctx, agg.headers())),
          ctx.blockingTaskExecutor()).thenApplyAsync(p -> {
            if (p.isEmpty() || p.get().via() != Principal.Via.SESSION) {
              return redirect("/login");
            }
            if (RequestAuth.stateChanging(agg.method()) && !RequestAuth.csrfOk(p.get(), csrfField(agg))) {
              return HttpResponse.of(HttpStatus.FORBIDDEN, MediaType.PLAIN_TEXT_UTF_8,
                  "csrf: missing or wrong form token (expected: submit the form from its page again)");
            }
            RequestAuth.setPrincipal(ctx, p.get());
            HttpRequest again = agg.toHttpRequest();
            ctx.updateRequest(again);
            try {
              return delegate.serve(ctx, again);
            } catch (Exception e) {
              return HttpResponse.ofFailure(e);
            }
          }, ctx.eventLoop()), ctx.eventLoop());
      return HttpResponse.of(f);
    };
  }

  static String csrfField(AggregatedHttpRequest agg) {
    MediaType type = agg.contentType();
    if (type == null || !type.is(MediaType.FORM_DATA)) {
      return "";
    }
    String v = QueryParams.fromQueryString(agg.contentUtf8()).get(RequestAuth.CSRF_FIELD);
    return v == null ? "" : v;
  }
}
