package io.telltale.collector.review.console;

import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.QueryParams;
import com.linecorp.armeria.common.QueryParamsBuilder;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.annotation.Get;
import com.linecorp.armeria.server.annotation.Param;
import com.linecorp.armeria.server.annotation.Post;
import io.telltale.collector.review.DeviceDetail;
import io.telltale.collector.review.DeviceFilter;
import io.telltale.collector.review.DeviceSearch;
import io.telltale.collector.review.DeviceVerdict;
import io.telltale.collector.review.Principal;
import io.telltale.collector.review.ReviewServices;
import io.telltale.collector.review.TriageDesk;
import io.telltale.collector.review.TriageState;
import io.telltale.collector.review.api.Durations;
import io.telltale.collector.review.api.RequestAuth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The overview, the device list and the device page with its triage forms. */
final class DevicePages {

  static final int PAGE = 50;

  private final ReviewServices review;
  private final Templates templates;

  DevicePages(ReviewServices review, Templates templates) {
    this.review = review;
    this.templates = templates;
  }

  @Get("/")
  public HttpResponse overview(ServiceRequestContext ctx) {
    Principal p = RequestAuth.principal(ctx);
    Map<String, Object> s = Scope.of(p, "Overview", "Overview");
    s.put("fleet", review.overview().fleet(p));
    return templates.page("overview", s);
  }

  @Get("/devices")
  public HttpResponse list(ServiceRequestContext ctx, @Param("verdict") Optional<String> verdict,
      @Param("q") Optional<String> q, @Param("employee") Optional<String> employee,
      @Param("min_score") Optional<String> minScore, @Param("os") Optional<String> os,
      @Param("seen_within") Optional<String> seenWithin, @Param("offset") Optional<Integer> offset) {
    Principal p = RequestAuth.principal(ctx);
    Integer min = minScore.filter(x -> !x.isBlank()).map(x -> {
      try {
        return Integer.valueOf(x.trim());
      } catch (NumberFormatException e) {
        throw io.telltale.collector.review.ReviewException.invalid("min_score: '" + x + "' (expected: an integer)");
      }
    }).orElse(null);
    var since = seenWithin.filter(x -> !x.isBlank())
        .map(x -> review.clock().now().minus(Durations.parse("seen_within", x))).orElse(null);
    DeviceFilter filter = new DeviceFilter(verdict.orElse(null), min, null, employee.orElse(null), os.orElse(null),
        since, q.orElse(null), null);
    int from = Math.max(0, offset.orElse(0));
    DeviceSearch.Page page = review.devices().search(p, filter, from, PAGE);
    Map<String, Object> s = Scope.of(p, "Devices", "Devices");
    s.put("page", page);
    s.put("shown", page.devices().size());
    s.put("verdicts", options(verdict.orElse(""), "", "any verdict", "flagged", "flagged", "suspicious", "suspicious",
        "clean", "clean", "unevaluated", "not evaluated"));
    s.put("oses", options(os.orElse(""), "", "any", "windows", "Windows", "macos", "macOS", "linux", "Linux"));
    s.put("q", q.orElse(""));
    s.put("employee", employee.orElse(""));
    s.put("minScore", minScore.orElse(""));
    s.put("seenWithin", seenWithin.orElse(""));
    QueryParamsBuilder base = QueryParams.builder();
    verdict.ifPresent(v -> base.add("verdict", v));
    q.ifPresent(v -> base.add("q", v));
    employee.ifPresent(v -> base.add("employee", v));
    minScore.ifPresent(v -> base.add("min_score", v));
    os.ifPresent(v -> base.add("os", v));
    seenWithin.ifPresent(v -> base.add("seen_within", v));
    String query = base.build().toQueryString();
    s.put("exportQuery", query.isEmpty() ? "" : "&" + query);
    if (from > 0) {
      s.put("prev", base.build().toBuilder().add("offset", Integer.toString(Math.max(0, from - PAGE))).build()
          .toQueryString());
    }
    if (from + PAGE < page.total()) {
      s.put("next", base.build().toBuilder().add("offset", Integer.toString(from + PAGE)).build().toQueryString());
    }
    return templates.page("devices", s);
  }

  @Get("/devices/{id}")
  public HttpResponse device(ServiceRequestContext ctx, @Param("id") String id, @Param("done") Optional<String> done) {
    Principal p = RequestAuth.principal(ctx);
    DeviceDetail d = review.profiles().detail(p, id);
    TriageDesk.TriageView triage = review.triage().get(p, d.device().id());
    Map<String, Object> s = Scope.of(p, d.device().hostname(), "Devices", done.orElse(null));
    Map<String, Object> view = new HashMap<>();
    view.put("device", d.device());
    view.put("employee", d.employee());
    view.put("verdict", d.verdict() == null ? null : verdictView(d.verdict()));
    view.put("timeline", d.timeline());
    view.put("networks", d.networks());
    view.put("state", d.state());
    view.put("notes", d.notes());
    view.put("activity", d.activity());
    view.put("triage", triage);
    view.put("remoteTools", remoteTools(d.verdict()));
    List<String> next = new ArrayList<>();
    next.add(triage.state());
    next.addAll(triage.nextStates());
    view.put("nextStates", next);
    List<Map<String, Object>> assignees = new ArrayList<>();
    assignees.add(option("", "unassigned", triage.assignee().isEmpty()));
    if (p.role().includes(io.telltale.collector.review.Role.ADMIN)) {
      review.users().list(p).forEach(u -> assignees.add(option(u.username(), u.username(),
          u.username().equals(triage.assignee()))));
    } else {
      assignees.add(option(p.name(), p.name() + " (me)", p.name().equals(triage.assignee())));
      if (!triage.assignee().isEmpty() && !triage.assignee().equals(p.name())) {
        assignees.add(option(triage.assignee(), triage.assignee(), true));
      }
    }
    view.put("assignees", assignees);
    List<Integer> hours = new ArrayList<>();
    for (int h = 0; h < 24; h++) {
      hours.add(h);
    }
    view.put("hours", hours);
    s.put("d", view);
    return templates.page("device", s);
  }

  @Post("/devices/{id}/triage")
  public HttpResponse triage(ServiceRequestContext ctx, @Param("id") String id, @Param("state") String state,
      @Param("assignee") Optional<String> assignee, @Param("note") Optional<String> note) {
    review.triage().set(RequestAuth.principal(ctx), id, TriageState.parse(state), assignee.orElse(null),
        note.orElse(null));
    return ConsoleAuth.redirect("/devices/" + id + "?done=triage");
  }

  /** Revokes the device (admin); the button asks for confirmation first (console.js, data-confirm). */
  @Post("/devices/{id}/revoke")
  public HttpResponse revoke(ServiceRequestContext ctx, @Param("id") String id) {
    review.revocation().revoke(RequestAuth.principal(ctx), id);
    return ConsoleAuth.redirect("/devices/" + id + "?done=device-revoked");
  }

  static Map<String, Object> verdictView(DeviceVerdict v) {
    Map<String, Object> m = new HashMap<>();
    m.put("policyVersion", v.policyVersion());
    m.put("computedAt", v.computedAt());
    List<Map<String, Object>> findings = new ArrayList<>();
    for (DeviceVerdict.Finding f : v.findings()) {
      Map<String, Object> fm = new HashMap<>();
      fm.put("title", f.title());
      fm.put("ruleId", f.ruleId());
      fm.put("severity", f.severity());
      fm.put("weight", f.weight());
      fm.put("counted", f.counted());
      List<Map<String, Object>> ev = new ArrayList<>();
      for (DeviceVerdict.Evidence e : f.evidence()) {
        Map<String, Object> em = new HashMap<>();
        em.put("summary", e.summary());
        em.put("signal", e.signal());
        em.put("firstSeen", e.firstSeen());
        em.put("lastSeen", e.lastSeen());
        em.put("details", new ArrayList<>(e.detail().entrySet()));
        em.put("hasDetails", !e.detail().isEmpty());
        ev.add(em);
      }
      fm.put("evidence", ev);
      findings.add(fm);
    }
    m.put("findings", findings);
    return m;
  }

  static List<String> remoteTools(DeviceVerdict v) {
    List<String> out = new ArrayList<>();
    if (v != null) {
      for (DeviceVerdict.Finding f : v.findings()) {
        for (DeviceVerdict.Evidence e : f.evidence()) {
          if (e.signal().startsWith("remote.") && !out.contains(e.summary())) {
            out.add(e.summary());
          }
        }
      }
    }
    return out;
  }

  static Map<String, Object> option(String value, String label, boolean selected) {
    Map<String, Object> m = new HashMap<>();
    m.put("value", value);
    m.put("label", label);
    m.put("selected", selected);
    return m;
  }

  static List<Map<String, Object>> options(String current, String... valueLabel) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = 0; i + 1 < valueLabel.length; i += 2) {
      out.add(option(valueLabel[i], valueLabel[i + 1], valueLabel[i].equalsIgnoreCase(current)));
    }
    return out;
  }
}
