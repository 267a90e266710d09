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
import io.telltale.collector.review.Enrollment;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code /enrollment-tokens}: tokens agents enroll with. The secret is in the create response only. */
final class EnrollmentTokenResource {

  record CreateRequest(@Nullable String expires, @Nullable Integer maxUses) {}

  private final Enrollment enrollment;

  EnrollmentTokenResource(Enrollment enrollment) {
    this.enrollment = enrollment;
  }

  @Get("/enrollment-tokens")
  @ProducesJson
  public List<Enrollment.TokenView> list(ServiceRequestContext ctx) {
    return enrollment.list(RequestAuth.principal(ctx));
  }

  @Post("/enrollment-tokens")
  @StatusCode(201)
  @ProducesJson
  public Enrollment.Created create(ServiceRequestContext ctx, CreateRequest body) {
    return enrollment.create(RequestAuth.principal(ctx),
        Durations.parse("expires", body.expires() == null ? "7d" : body.expires()),
        body.maxUses() == null ? 1 : body.maxUses());
  }

  @Delete("/enrollment-tokens/{id}")
  public HttpResponse revoke(ServiceRequestContext ctx, @Param("id") String id) {
    enrollment.revoke(RequestAuth.principal(ctx), id);
    return HttpResponse.of(HttpStatus.NO_CONTENT);
  }
}
