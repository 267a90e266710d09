package io.telltale.collector.review.api;

import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.annotation.Get;
import com.linecorp.armeria.server.annotation.Param;
import com.linecorp.armeria.server.annotation.Patch;
import com.linecorp.armeria.server.annotation.Post;
import com.linecorp.armeria.server.annotation.ProducesJson;
import com.linecorp.armeria.server.annotation.StatusCode;
import io.telltale.collector.review.ReviewException;
import io.telltale.collector.review.Role;
import io.telltale.collector.review.auth.UserAdmin;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code /users}: console and API users (administrators). A generated password is in the create response only. */
final class UserResource {

  record CreateRequest(@Nullable String username, @Nullable String role, @Nullable String password) {}

  record UpdateRequest(@Nullable String role, @Nullable Boolean disabled, @Nullable String password) {}

  private final UserAdmin users;

  UserResource(UserAdmin users) {
    this.users = users;
  }

  @Get("/users")
  @ProducesJson
  public List<UserAdmin.UserView> list(ServiceRequestContext ctx) {
    return users.list(RequestAuth.principal(ctx));
  }

  @Post("/users")
  @StatusCode(201)
  @ProducesJson
  public UserAdmin.Created create(ServiceRequestContext ctx, CreateRequest body) {
    if (body.username() == null || body.role() == null) {
      throw ReviewException.invalid("body: username and role (expected: both present)");
    }
    return users.create(RequestAuth.principal(ctx), body.username(), Role.parse(body.role()), body.password());
  }

  @Patch("/users/{username}")
  @ProducesJson
  public UserAdmin.UserView update(ServiceRequestContext ctx, @Param("username") String username,
      UpdateRequest body) {
    return users.update(RequestAuth.principal(ctx), username, body.role() == null ? null : Role.parse(body.role()),
        body.disabled(), body.password());
  }
}
