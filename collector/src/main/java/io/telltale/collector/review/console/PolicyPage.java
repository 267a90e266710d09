package io.telltale.collector.review.console;

import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.annotation.Get;
import com.linecorp.armeria.server.annotation.Param;
import com.linecorp.armeria.server.annotation.Post;
import io.telltale.collector.review.Policies;
import io.telltale.collector.review.PolicyEngine;
import io.telltale.collector.review.Principal;
import io.telltale.collector.review.Problem;
import io.telltale.collector.review.ReviewException;
import io.telltale.collector.review.api.RequestAuth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The policy editor: the text in a textarea beside a numbered listing that carries every problem under
 * its line (line and column, rule id), validate, dry run and apply, and the history with diffs.
 */
final class PolicyPage {

  private final Policies policies;
  private final Templates templates;

  PolicyPage(Policies policies, Templates templates) {
    this.policies = policies;
    this.templates = templates;
  }

  @Get("/policy")
  public HttpResponse show(ServiceRequestContext ctx, @Param("done") Optional<String> done) {
    Principal p = RequestAuth.principal(ctx);
    Map<String, Object> s = Scope.of(p, "Policy", "Policy", done.orElse(null));
    try {
      PolicyEngine.Version current = policies.current(p);
      s.put("current", current);
      fill(s, p, current.text(), List.of());
    } catch (ReviewException e) {
      if (e.kind() != ReviewException.Kind.UNAVAILABLE) {
        throw e;
      }
      s.put("unavailable", e.getMessage());
      fill(s, p, "", List.of());
    }
    return templates.page("policy", s);
  }

  @Post("/policy")
  public HttpResponse submit(ServiceRequestContext ctx, @Param("text") String text, @Param("action") String action) {
    Principal p = RequestAuth.principal(ctx);
    String body = text.replace("\r\n", "\n");
    Map<String, Object> s = Scope.of(p, "Policy", "Policy");
    s.put("current", policies.current(p));
    List<Problem> problems = List.of();
    HttpStatus status = HttpStatus.OK;
    try {
      switch (action) {
        case "validate" -> {
          Policies.Validation v = policies.validate(p, body);
          problems = v.problems();
          if (v.valid()) {
            s.put("valid", true);
          }
        }
        case "test" -> {
          List<PolicyEngine.VerdictChange> changes = policies.test(p, body);
          Map<String, Object> dry = new HashMap<>();
          dry.put("changes", changes.size());
          dry.put("devices", changes);
          s.put("dryRun", dry);
          s.put("valid", true);
        }
        case "apply" -> {
          policies.apply(p, body);
          return ConsoleAuth.redirect("/policy?done=applied");
        }
        default -> throw ReviewException.invalid("action: '" + action + "' (expected: validate, test or apply)");
      }
    } catch (ReviewException e) {
      if (e.problems().isEmpty()) {
        throw e;
      }
      problems = e.problems();
      status = HttpStatus.BAD_REQUEST;
    }
    fill(s, p, body, problems);
    return templates.page(status, "policy", s);
  }

  @Get("/policy/history/{version}")
  public HttpResponse version(ServiceRequestContext ctx, @Param("version") String version) {
    Principal p = RequestAuth.principal(ctx);
    Map<String, Object> s = Scope.of(p, "Policy " + version, "Policy");
    s.put("v", policies.diff(p, version));
    return templates.page("policy_version", s);
  }

  private void fill(Map<String, Object> s, Principal p, String text, List<Problem> problems) {
    s.put("text", text);
    s.put("history", safeHistory(p));
    if (!problems.isEmpty()) {
      s.put("problemCount", problems.size());
    }
    String[] lines = text.split("\n", -1);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      int n = i + 1;
      List<Problem> here = problems.stream().filter(pr -> pr.line() == n).toList();
      Map<String, Object> row = new HashMap<>();
      row.put("n", n);
      row.put("text", lines[i]);
      row.put("bad", !here.isEmpty());
      row.put("problems", here);
      rows.add(row);
    }
    s.put("lines", rows);
    s.put("orphanProblems", problems.stream().filter(pr -> pr.line() < 1 || pr.line() > lines.length)
        .map(Problem::toString).toList());
  }

  private List<PolicyEngine.Version> safeHistory(Principal p) {
    try {
      return policies.history(p);
    } catch (ReviewException e) {
      return List.of();
    }
  }
}
