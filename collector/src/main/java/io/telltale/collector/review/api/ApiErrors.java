package io.telltale.collector.review.api;

import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.server.HttpResponseException;
import com.linecorp.armeria.server.HttpStatusException;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.annotation.ExceptionHandlerFunction;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.telltale.collector.review.JsonText;
import io.telltale.collector.review.Problem;
import io.telltale.collector.review.ReviewException;
import io.telltale.collector.store.StoreOverloadedException;
import io.telltale.collector.store.StoreUnavailableException;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API's one error mapper: every failure becomes one JSON shape,
 * {@code {"status":400,"code":"invalid_argument","message":"...","problems":[{"line":..,"column":..,"ref":..,"message":..}]}}.
 * Messages are safe to show; SQL, stack traces and secrets never leave the server. The CLI prints this
 * shape as it is.
 */
public final class ApiErrors implements ExceptionHandlerFunction {

  private static final Logger logger = LoggerFactory.getLogger(ApiErrors.class);

  /** The error body. */
  public record ErrorBody(int status, String code, String message, List<Problem> problems) {}

  @Override
  public HttpResponse handleException(ServiceRequestContext ctx, HttpRequest req, Throwable cause) {
    if (cause instanceof ReviewException e) {
      return of(e.kind().status(), e.kind().name().toLowerCase(Locale.ROOT), e.getMessage(), e.problems());
    }
    if (cause instanceof StoreOverloadedException || cause instanceof StoreUnavailableException) {
      return of(503, "unavailable", "store: not reachable right now (expected: retry shortly)", List.of());
    }
    if (cause instanceof JsonProcessingException e) {
      return of(400, "invalid_argument", "body: not the expected JSON (" + e.getOriginalMessage() + ")", List.of());
    }
    if (cause instanceof IllegalArgumentException e) {
      // Armeria's parameter conversion and our own argument checks.
      return of(400, "invalid_argument", String.valueOf(e.getMessage()), List.of());
    }
    if (cause instanceof HttpStatusException e) {
      return of(e.httpStatus().code(), codeOf(e.httpStatus()), e.httpStatus().reasonPhrase(), List.of());
    }
    if (cause instanceof HttpResponseException) {
      return ExceptionHandlerFunction.fallthrough();
    }
    logger.warn("{} {} failed", req.method(), ctx.path(), cause);
    return of(500, "internal", "internal error (expected: see the collector log)", List.of());
  }

  /** An error response in the API's shape. */
  public static HttpResponse of(int status, String code, String message, List<Problem> problems) {
    return HttpResponse.of(HttpStatus.valueOf(status), MediaType.JSON_UTF_8,
        JsonText.of(new ErrorBody(status, code, message, problems)));
  }

  private static String codeOf(HttpStatus status) {
    return switch (status.code()) {
      case 400 -> "invalid_argument";
      case 401 -> "unauthenticated";
      case 403 -> "forbidden";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 413 -> "too_large";
      default -> "http_" + status.code();
    };
  }
}
