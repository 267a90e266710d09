package io.telltale.collector.review.console;

import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.server.HttpResponseException;
import com.linecorp.armeria.server.HttpStatusException;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.annotation.ExceptionHandlerFunction;
import io.telltale.collector.review.Principal;
import io.telltale.collector.review.ReviewException;
import io.telltale.collector.store.StoreUnavailableException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The console's error page: the same refusals as the API, shown as a page with the safe message. */
final class ConsoleErrors implements ExceptionHandlerFunction {

  private static final Logger logger = LoggerFactory.getLogger(ConsoleErrors.class);

  private final Templates templates;

  ConsoleErrors(Templates templates) {
    this.templates = templates;
  }

  @Override
  public HttpResponse handleException(ServiceRequestContext ctx, HttpRequest req, Throwable cause) {
    if (cause instanceof HttpResponseException) {
      return ExceptionHandlerFunction.fallthrough();
    }
    HttpStatus status;
    String message;
    if (cause instanceof ReviewException e) {
      status = HttpStatus.valueOf(e.kind().status());
      message = e.getMessage();
    } else if (cause instanceof StoreUnavailableException) {
      status = HttpStatus.SERVICE_UNAVAILABLE;
      message = "The store is not reachable right now; try again shortly.";
    } else if (cause instanceof IllegalArgumentException e) {
      status = HttpStatus.BAD_REQUEST;
      message = String.valueOf(e.getMessage());
    } else if (cause instanceof HttpStatusException e) {
      status = e.httpStatus();
      message = e.httpStatus().reasonPhrase();
    } else {
      logger.warn("{} {} failed", req.method(), ctx.path(), cause);
      status = HttpStatus.INTERNAL_SERVER_ERROR;
      message = "Internal error; see the collector log.";
    }
    Principal p = io.telltale.collector.review.api.RequestAuth.principalOrNull(ctx);
    Map<String, Object> s = Scope.of(p, status.reasonPhrase(), "");
    s.put("heading", status.code() + " " + status.reasonPhrase());
    s.put("message", message);
    return templates.page(status, "error", s);
  }
}
