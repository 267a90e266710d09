package io.telltale.collector.ingest;

import io.telltale.collector.model.DeviceReport;

/**
 * The detection hand-off: called once per newly stored report, after it was acknowledged, on a bounded
 * executor off the request thread (one thread: calls arrive in ack order). Never called for duplicates.
 *
 * <p>A hand-off is best effort: when the executor's queue is full the call is skipped and counted, and
 * anything thrown is counted and logged (rate-limited). Durable progress belongs in the store, so a listener
 * can catch up after a skip or a restart: detection records the newest sequence it folded in per device and
 * re-reads the stored reports after it ({@code TelemetryQueries.reportsBetween}) when a later report shows a
 * gap, and for every device in its periodic sweep.
 */
@FunctionalInterface
public interface StoredReportListener {

  StoredReportListener NOOP = report -> {};

  void onStored(DeviceReport report);
}
