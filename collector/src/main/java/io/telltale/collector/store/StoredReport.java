package io.telltale.collector.store;

import static java.util.Objects.requireNonNull;

import io.telltale.collector.model.DeviceReport;

/**
 * A stored raw report with its store-assigned position. Positions increase with insertion on one database;
 * on PostgreSQL with several collectors, a lower position can commit after a higher one, so readers that
 * keep a cursor should re-read a short window behind it.
 */
public record StoredReport(long position, DeviceReport report) {
  public StoredReport {
    requireNonNull(report, "report");
  }
}
