package io.telltale.collector.review.api;

import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.annotation.Get;
import com.linecorp.armeria.server.annotation.Param;
import com.linecorp.armeria.server.annotation.Post;
import com.linecorp.armeria.server.annotation.ProducesJson;
import io.telltale.collector.review.Policies;
import io.telltale.collector.review.PolicyEngine;
import io.telltale.collector.review.ReviewException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code /policy}: the live detection policy, its history with diffs, validate, dry run and apply. */
final class PolicyResource {

  record PolicyRequest(@Nullable String text) {
    String required() {
      if (text == null) {
        throw ReviewException.invalid("text: missing (expected: the policy YAML as a string)");
      }
      return text;
    }
  }

  record DryRun(int changes, List<PolicyEngine.VerdictChange> devices) {}

  private final Policies policies;

  PolicyResource(Policies policies) {
    this.policies = policies;
  }

  @Get("/policy")
  @ProducesJson
  public PolicyEngine.Version current(ServiceRequestContext ctx) {
    return policies.current(RequestAuth.principal(ctx));
  }

  @Get("/policy/history")
  @ProducesJson
  public List<PolicyEngine.Version> history(ServiceRequestContext ctx) {
    return policies.history(RequestAuth.principal(ctx));
  }

  @Get("/policy/history/{version}")
  @ProducesJson
  public Policies.VersionDiff version(ServiceRequestContext ctx, @Param("version") String version) {
    return policies.diff(RequestAuth.principal(ctx), version);
  }

  @Post("/policy/validate")
  @ProducesJson
  public Policies.Validation validate(ServiceRequestContext ctx, PolicyRequest body) {
    return policies.validate(RequestAuth.principal(ctx), body.required());
  }

  @Post("/policy/test")
  @ProducesJson
  public DryRun test(ServiceRequestContext ctx, PolicyRequest body) {
    List<PolicyEngine.VerdictChange> changes = policies.test(RequestAuth.principal(ctx), body.required());
    return new DryRun(changes.size(), changes);
  }

  @Post("/policy/apply")
  @ProducesJson
  public PolicyEngine.Version apply(ServiceRequestContext ctx, PolicyRequest body) {
    return policies.apply(RequestAuth.principal(ctx), body.required());
  }
}
