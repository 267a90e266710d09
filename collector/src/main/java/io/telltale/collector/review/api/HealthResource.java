package io.telltale.collector.review.api;

import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.annotation.Get;
import io.telltale.collector.review.JsonText;
import io.telltale.collector.review.Role;
import io.telltale.collector.store.CheckResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** {@code /health}: each component's {@code check()}; 200 when all are ok, 503 otherwise. */
final class HealthResource {

  /** One component's state. */
  record Component(boolean ok, String error) {}

  record Health(boolean ok, Map<String, Component> components) {}

  private final Map<String, Supplier<CheckResult>> checks;

  HealthResource(Map<String, Supplier<CheckResult>> checks) {
    this.checks = Map.copyOf(checks);
  }

  @Get("/health")
  public HttpResponse health(ServiceRequestContext ctx) {
    RequestAuth.principal(ctx).require(Role.VIEWER);
    Map<String, Component> out = new LinkedHashMap<>();
    boolean ok = true;
    for (var e : new java.util.TreeMap<>(checks).entrySet()) {
      CheckResult r = e.getValue().get();
      out.put(e.getKey(), new Component(r.ok(), r.error() == null ? "" : r.error()));
      ok &= r.ok();
    }
    return HttpResponse.of(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE, MediaType.JSON_UTF_8,
        JsonText.of(new Health(ok, out)));
  }
}
