package io.telltale.collector.review.api;

import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.annotation.Default;
import com.linecorp.armeria.server.annotation.Get;
import com.linecorp.armeria.server.annotation.Param;
import com.linecorp.armeria.server.annotation.ProducesJson;
import io.telltale.collector.review.AuditTrail;
import io.telltale.collector.review.Csv;
import io.telltale.collector.review.JsonText;
import io.telltale.collector.review.ReviewException;
import io.telltale.collector.store.AuditEntry;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** {@code /audit}: the append-only audit log (administrators), viewable and exportable as CSV or JSON. */
final class AuditResource {

  private final AuditTrail audit;

  AuditResource(AuditTrail audit) {
    this.audit = audit;
  }

  @Get("/audit")
  @ProducesJson
  public List<AuditEntry> list(ServiceRequestContext ctx, @Param("actor") Optional<String> actor,
      @Param("action") Optional<String> action, @Param("from") Optional<String> from, @Param("to") Optional<String> to,
      @Param("offset") @Default("0") int offset, @Param("limit") @Default("100") int limit) {
    return audit.list(RequestAuth.principal(ctx), actor.orElse(null), action.orElse(null), instant("from", from),
        instant("to", to), offset, limit);
  }

  @Get("/audit/export")
  public HttpResponse export(ServiceRequestContext ctx, @Param("format") @Default("csv") String format,
      @Param("from") Optional<String> from, @Param("to") Optional<String> to) {
    String f = format.trim().toLowerCase(Locale.ROOT);
    if (!f.equals("csv") && !f.equals("json")) {
      throw ReviewException.invalid("format: '" + format + "' (expected: csv or json)");
    }
    List<AuditEntry> entries = audit.export(RequestAuth.principal(ctx), instant("from", from), instant("to", to), f);
    if (f.equals("json")) {
      return DeviceResource.download("application/json", "audit.json", JsonText.of(entries));
    }
    StringBuilder sb = new StringBuilder(Csv.line(List.of("id", "at", "actor", "action", "target", "before", "after",
        "source_ip")));
    for (AuditEntry e : entries) {
      sb.append(Csv.line(List.of(Long.toString(e.id()), e.at().toString(), e.actor(), e.action(), e.target(),
          e.before(), e.after(), e.sourceIp())));
    }
    return DeviceResource.download("text/csv", "audit.csv", sb.toString());
  }

  private static @Nullable Instant instant(String name, Optional<String> text) {
    if (text.isEmpty() || text.get().isBlank()) {
      return null;
    }
    try {
      return Instant.parse(text.get().trim());
    } catch (DateTimeParseException e) {
      throw ReviewException.invalid(name + ": '" + text.get() + "' (expected: an ISO-8601 instant, e.g. "
          + "2024-05-01T00:00:00Z)");
    }
  }
}
