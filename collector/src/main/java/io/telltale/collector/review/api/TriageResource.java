package io.telltale.collector.review.api;

import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.annotation.Get;
import com.linecorp.armeria.server.annotation.Param;
import com.linecorp.armeria.server.annotation.Post;
import com.linecorp.armeria.server.annotation.ProducesJson;
import com.linecorp.armeria.server.annotation.Put;
import com.linecorp.armeria.server.annotation.StatusCode;
import io.telltale.collector.review.ReviewException;
import io.telltale.collector.review.TriageDesk;
import io.telltale.collector.review.TriageState;
import io.telltale.collector.store.TriageNote;
import org.jspecify.annotations.Nullable;

/** {@code /devices/{id}/triage} and {@code /devices/{id}/notes}: the analyst workflow. */
final class TriageResource {

  record TriageRequest(@Nullable String state, @Nullable String assignee, @Nullable String note) {}

  record NoteRequest(@Nullable String body) {}

  private final TriageDesk triage;

  TriageResource(TriageDesk triage) {
    this.triage = triage;
  }

  @Get("/devices/{id}/triage")
  @ProducesJson
  public TriageDesk.TriageView get(ServiceRequestContext ctx, @Param("id") String id) {
    return triage.get(RequestAuth.principal(ctx), id);
  }

  @Put("/devices/{id}/triage")
  @ProducesJson
  public TriageDesk.TriageView set(ServiceRequestContext ctx, @Param("id") String id, TriageRequest body) {
    if (body.state() == null) {
      throw ReviewException.invalid("state: missing (expected: one of NEW, INVESTIGATING, CONFIRMED, "
          + "FALSE_POSITIVE, CLOSED)");
    }
    return triage.set(RequestAuth.principal(ctx), id, TriageState.parse(body.state()), body.assignee(), body.note());
  }

  @Post("/devices/{id}/notes")
  @StatusCode(201)
  @ProducesJson
  public TriageNote addNote(ServiceRequestContext ctx, @Param("id") String id, NoteRequest body) {
    return triage.addNote(RequestAuth.principal(ctx), id, body.body() == null ? "" : body.body());
  }
}
