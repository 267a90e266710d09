package io.telltale.collector.review.api;

import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.annotation.Delete;
import com.linecorp.armeria.server.annotation.Get;
import com.linecorp.armeria.server.annotation.Param;
import com.linecorp.armeria.server.annotation.Post;
import com.linecorp.armeria.server.annotation.ProducesJson;
import com.linecorp.armeria.server.annotation.StatusCode;
import io.telltale.collector.review.ReviewException;
import io.telltale.collector.review.Role;
import io.telltale.collector.review.auth.ApiTokens;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code /tokens}: API tokens for the CLI and automation (administrators). The secret is shown once. */
final class ApiTokenResource {

  record CreateRequest(@Nullable String name, @Nullable String role, @Nullable String expires) {}

  private final ApiTokens tokens;

  ApiTokenResource(ApiTokens tokens) {
    this.tokens = tokens;
  }

  @Get("/tokens")
  @ProducesJson
  public List<ApiTokens.TokenView> list(ServiceRequestContext ctx) {
    return tokens.list(RequestAuth.principal(ctx));
  }

  @Post("/tokens")
  @StatusCode(201)
  @ProducesJson
  public ApiTokens.Created create(ServiceRequestContext ctx, CreateRequest body) {
    if (body.name() == null || body.role() == null) {
      throw ReviewException.invalid("body: name and role (expected: both present)");
    }
    return tokens.create(RequestAuth.principal(ctx), body.name(), Role.parse(body.role()),
        body.expires() == null || body.expires().isBlank() ? null : Durations.parse("expires", body.expires()));
  }

  @Delete("/tokens/{id}")
  public HttpResponse revoke(ServiceRequestContext ctx, @Param("id") String id) {
    tokens.revoke(RequestAuth.principal(ctx), id);
    return HttpResponse.of(HttpStatus.NO_CONTENT);
  }
}
