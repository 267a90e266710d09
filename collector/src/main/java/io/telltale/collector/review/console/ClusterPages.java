package io.telltale.collector.review.console;

import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.annotation.Get;
import com.linecorp.armeria.server.annotation.Param;
import io.telltale.collector.review.Clusters;
import io.telltale.collector.review.Principal;
import io.telltale.collector.review.api.RequestAuth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The cluster list and the cluster page with its picture. */
final class ClusterPages {

  private final Clusters clusters;
  private final Templates templates;

  ClusterPages(Clusters clusters, Templates templates) {
    this.clusters = clusters;
    this.templates = templates;
  }

  @Get("/clusters")
  public HttpResponse list(ServiceRequestContext ctx) {
    Principal p = RequestAuth.principal(ctx);
    Map<String, Object> s = Scope.of(p, "Clusters", "Clusters");
    s.put("clusters", clusters.list(p));
    return templates.page("clusters", s);
  }

  @Get("/clusters/{id}")
  public HttpResponse cluster(ServiceRequestContext ctx, @Param("id") String id) {
    Principal p = RequestAuth.principal(ctx);
    Clusters.ClusterDetail c = clusters.get(p, id);
    Map<String, Object> view = new HashMap<>();
    view.put("id", c.id());
    view.put("members", c.members());
    view.put("picture", ClusterPicture.of(c));
    List<Map<String, Object>> rows = c.sharedKeys().stream().map(k -> {
      Map<String, Object> m = new HashMap<>();
      m.put("kind", k.kind());
      m.put("value", k.value());
      m.put("devices", k.deviceIds().size());
      return m;
    }).toList();
    view.put("keyRows", rows);
    Map<String, Object> s = Scope.of(p, "Cluster " + id, "Clusters");
    s.put("cluster", view);
    return templates.page("cluster", s);
  }
}
