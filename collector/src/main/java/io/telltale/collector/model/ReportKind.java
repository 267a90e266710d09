package io.telltale.collector.model;

/** Whether a report carries a complete inventory or only volatile facts. */
public enum ReportKind {
  FULL,
  HEARTBEAT
}
