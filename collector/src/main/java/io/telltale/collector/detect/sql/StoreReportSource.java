package io.telltale.collector.detect.sql;

import static java.util.Objects.requireNonNull;

import io.telltale.collector.detect.ReportSource;
import io.telltale.collector.model.DeviceReport;
import io.telltale.collector.store.StoredReport;
import io.telltale.collector.store.TelemetryStore;
import java.util.List;
import java.util.Map;

/** Detection's catch-up reads over the telemetry store's raw reports. Thread-safe; blocking. */
public final class StoreReportSource implements ReportSource {

  private final TelemetryStore store;

  public StoreReportSource(TelemetryStore store) {
    this.store = requireNonNull(store, "store");
  }

  @Override
  public List<DeviceReport> reportsBetween(String deviceId, long afterSequence, long beforeSequence, int limit) {
    return store.queries().reportsBetween(deviceId, afterSequence, beforeSequence, limit).stream()
        .map(StoredReport::report).toList();
  }

  @Override
  public Map<String, Long> lastSequences() {
    return store.queries().lastSequences();
  }
}
