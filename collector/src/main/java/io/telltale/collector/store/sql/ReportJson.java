package io.telltale.collector.store.sql;

import io.telltale.collector.model.DeviceReport;
import org.jspecify.annotations.Nullable;

/**
 * The stored JSON of one report, with its slow sections encoded once: the raw payload is the rest of the
 * record plus those same section texts, and {@code device_sections} stores the section texts again. A FULL
 * report's sections are tens of kilobytes of JSON; encoding them twice was a visible share of ingest CPU.
 * The payload reads back with {@link Json#read} like any record JSON (property order does not matter).
 */
record ReportJson(String payload, @Nullable String system, @Nullable String software, @Nullable String hardware,
    @Nullable String network, @Nullable String locale) {

  static ReportJson of(DeviceReport r) {
    String system = Json.write(r.system());
    String software = Json.write(r.software());
    String hardware = Json.write(r.hardware());
    String network = Json.write(r.network());
    String locale = Json.write(r.locale());
    DeviceReport rest = new DeviceReport(r.deviceId(), r.sequence(), r.kind(), r.observedAt(), r.receivedAt(),
        r.publicIp(), r.agentVersion(), r.configVersion(), r.droppedHeartbeats(), null, null, null, null, null,
        r.power(), r.sessions(), r.timing(), r.activity(), r.failures());
    String base = Json.write(rest);
    StringBuilder b = new StringBuilder(base.length() + length(system) + length(software) + length(hardware)
        + length(network) + length(locale) + 64);
    b.append(base, 0, base.length() - 1); // without its closing brace; the record always has properties
    property(b, "system", system);
    property(b, "software", software);
    property(b, "hardware", hardware);
    property(b, "network", network);
    property(b, "locale", locale);
    b.append('}');
    return new ReportJson(b.toString(), system, software, hardware, network, locale);
  }

  boolean hasSections() {
    return system != null || software != null || hardware != null || network != null || locale != null;
  }

  private static void property(StringBuilder b, String name, @Nullable String json) {
    if (json != null) {
      b.append(",\"").append(name).append("\":").append(json);
    }
  }

  private static int length(@Nullable String s) {
    return s == null ? 0 : s.length();
  }
}
