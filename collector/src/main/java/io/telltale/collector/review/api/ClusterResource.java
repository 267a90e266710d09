package io.telltale.collector.review.api;

import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.annotation.Get;
import com.linecorp.armeria.server.annotation.Param;
import com.linecorp.armeria.server.annotation.ProducesJson;
import io.telltale.collector.review.Clusters;
import java.util.List;

/** {@code /clusters}: devices detection grouped together and the keys they share. */
final class ClusterResource {

  private final Clusters clusters;

  ClusterResource(Clusters clusters) {
    this.clusters = clusters;
  }

  @Get("/clusters")
  @ProducesJson
  public List<Clusters.ClusterSummary> list(ServiceRequestContext ctx) {
    return clusters.list(RequestAuth.principal(ctx));
  }

  @Get("/clusters/{id}")
  @ProducesJson
  public Clusters.ClusterDetail get(ServiceRequestContext ctx, @Param("id") String id) {
    return clusters.get(RequestAuth.principal(ctx), id);
  }
}
