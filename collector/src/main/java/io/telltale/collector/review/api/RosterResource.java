package io.telltale.collector.review.api;

import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.annotation.Get;
import com.linecorp.armeria.server.annotation.Post;
import com.linecorp.armeria.server.annotation.ProducesJson;
import io.telltale.collector.review.RosterAdmin;
import io.telltale.collector.store.RosterEmployee;
import java.util.List;

/** {@code /roster}: who each laptop belongs to; replaced by a CSV import (body {@code text/csv}). */
final class RosterResource {

  private final RosterAdmin roster;

  RosterResource(RosterAdmin roster) {
    this.roster = roster;
  }

  @Get("/roster")
  @ProducesJson
  public List<RosterEmployee> list(ServiceRequestContext ctx) {
    return roster.list(RequestAuth.principal(ctx));
  }

  @Post("/roster/import")
  @ProducesJson
  public RosterAdmin.Imported importCsv(ServiceRequestContext ctx, AggregatedHttpRequest req) {
    return roster.importCsv(RequestAuth.principal(ctx), req.contentUtf8());
  }
}
