package io.telltale.collector.review;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Exports the device list (with verdicts, owners and triage) as CSV or JSON; analysts and up; audited. */
public final class DeviceExport {

  static final List<String> COLUMNS = List.of("id", "hostname", "serial", "os", "level", "score", "cluster",
      "employee_id", "employee_name", "triage", "assignee", "last_seen", "last_public_ip", "agent_version", "revoked");

  /** The exported text and its media type. */
  public record Export(String mediaType, String body, int devices) {}

  private final DeviceSearch search;
  private final AuditTrail audit;

  public DeviceExport(DeviceSearch search, AuditTrail audit) {
    this.search = requireNonNull(search, "search");
    this.audit = requireNonNull(audit, "audit");
  }

  public Export export(Principal who, DeviceFilter filter, String format) {
    who.require(Role.ANALYST);
    String f = format.trim().toLowerCase(Locale.ROOT);
    if (!f.equals("csv") && !f.equals("json")) {
      throw ReviewException.invalid("format: '" + format + "' (expected: csv or json)");
    }
    List<DeviceSummary> devices = all(who, filter);
    String body;
    if (f.equals("json")) {
      body = JsonText.of(devices);
    } else {
      StringBuilder sb = new StringBuilder(Csv.line(COLUMNS));
      for (DeviceSummary d : devices) {
        sb.append(Csv.line(List.of(d.id(), d.hostname(), d.serial(), d.os(), d.level(), Integer.toString(d.score()),
            d.clusterId() == null ? "" : d.clusterId(), d.employeeId(), d.employeeName(), d.triageState(),
            d.assignee(), d.lastSeen() == null ? "" : d.lastSeen().toString(), d.lastPublicIp(), d.agentVersion(),
            Boolean.toString(d.revoked()))));
      }
      body = sb.toString();
    }
    audit.record(who, "export.devices", "", null, Map.of("format", f, "devices", devices.size()));
    return new Export(f.equals("json") ? "application/json" : "text/csv", body, devices.size());
  }

  private List<DeviceSummary> all(Principal who, DeviceFilter filter) {
    List<DeviceSummary> out = new java.util.ArrayList<>();
    for (int offset = 0; ; offset += DeviceSearch.MAX_LIMIT) {
      DeviceSearch.Page page = search.search(who, filter, offset, DeviceSearch.MAX_LIMIT);
      out.addAll(page.devices());
      if (offset + DeviceSearch.MAX_LIMIT >= page.total()) {
        return out;
      }
    }
  }
}
