package io.telltale.collector.review.api;

import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.annotation.JacksonRequestConverterFunction;
import com.linecorp.armeria.server.annotation.JacksonResponseConverterFunction;
import io.telltale.collector.review.JsonText;
import io.telltale.collector.review.ReviewServices;
import io.telltale.collector.store.CheckResult;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** Mounts the REST API under {@value #PREFIX}: one annotated service per resource, one error mapper. */
public final class RestApi {

  public static final String PREFIX = "/api/v1";
  /** Largest request body (a roster CSV of a large company fits). */
  static final long MAX_REQUEST_BYTES = 24L * 1024 * 1024;

  private RestApi() {}

  /** Served without credentials: the API description and the login itself. */
  static final Set<String> OPEN = Set.of("GET " + PREFIX + "/openapi.json", "POST " + PREFIX + "/session");

  public static void configure(ServerBuilder sb, ReviewServices review, Map<String, Supplier<CheckResult>> checks) {
    RequestAuth auth = new RequestAuth(review.access());
    List<Object> resources = List.of(
        new OpenApiResource(),
        new SessionResource(review.access()),
        new HealthResource(checks),
        new DeviceResource(review),
        new TriageResource(review.triage()),
        new ClusterResource(review.clusters()),
        new PolicyResource(review.policies()),
        new RosterResource(review.roster()),
        new EnrollmentTokenResource(review.enrollment()),
        new UserResource(review.users()),
        new ApiTokenResource(review.apiTokens()),
        new AuditResource(review.audit()));
    for (Object resource : resources) {
      sb.annotatedService()
          .pathPrefix(PREFIX)
          // Every resource reads the store (and logins hash passwords): never on an event loop.
          .useBlockingTaskExecutor(true)
          .maxRequestLength(MAX_REQUEST_BYTES)
          .requestConverters(new JacksonRequestConverterFunction(JsonText.MAPPER))
          .responseConverters(new JacksonResponseConverterFunction(JsonText.MAPPER))
          .exceptionHandlers(new ApiErrors())
          .decorator(auth.apiDecorator(OPEN))
          .decorator(SecurityHeaders.decorator(false))
          .build(resource);
    }
  }
}
