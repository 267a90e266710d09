package io.telltale.collector.review.api;

import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.server.DecoratingHttpServiceFunction;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.common.HttpRequest;
import java.util.function.Function;

/**
 * Response headers every console page, static file and API response carries. The Content-Security-Policy
 * allows scripts, styles, images and requests from our own origin only, no inline script or style, no
 * plugins, no framing and no form posts elsewhere: even if some attacker-controlled text escaped escaping,
 * the browser would refuse to run it.
 */
public final class SecurityHeaders {

  public static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "connect-src 'self'; font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; "
      + "object-src 'none'";

  private SecurityHeaders() {}

  /** A decorator adding the headers (and {@code Cache-Control: no-store} unless {@code cacheable}). */
  public static Function<? super HttpService, ? extends HttpService> decorator(boolean cacheable) {
    DecoratingHttpServiceFunction f = (HttpService delegate, ServiceRequestContext ctx, HttpRequest req) -> {
      ctx.mutateAdditionalResponseHeaders(h -> {
        h.set(HttpHeaderNames.CONTENT_SECURITY_POLICY, CSP);
        h.set(HttpHeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
        h.set(HttpHeaderNames.X_FRAME_OPTIONS, "DENY");
        h.set("referrer-policy", "no-referrer");
        h.set("cross-origin-opener-policy", "same-origin");
        h.set("cross-origin-resource-policy", "same-origin");
        h.set("permissions-policy", "camera=(), microphone=(), geolocation=(), usb=()");
        h.set(HttpHeaderNames.STRICT_TRANSPORT_SECURITY, "max-age=31536000");
        if (!cacheable) {
          h.set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        }
      });
      return delegate.serve(ctx, req);
    };
    return delegate -> delegate.decorate(f);
  }
}
