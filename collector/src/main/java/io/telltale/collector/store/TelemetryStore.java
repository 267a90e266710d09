package io.telltale.collector.store;

/**
 * Everything the collector keeps: devices and their certificates, enrollment tokens, raw reports, current
 * device state, change history, activity, network sightings, fleet settings, and the review side: users,
 * API tokens, sessions, audit log, triage and roster.
 *
 * <p>Building a store performs no I/O: the connection pool, the schema migration and the writer thread
 * start on first use. {@link #check()} is cheap, safe to repeat and never throws. {@link #close()} is
 * idempotent. Every method is thread-safe. Failures to reach the database surface as
 * {@link StoreUnavailableException}.
 */
public interface TelemetryStore extends AutoCloseable {

  /** Report ingest with group commit; a write's future completes only after its transaction committed. */
  ReportWriter writer();

  DeviceRepository devices();

  TokenRepository tokens();

  FleetSettings settings();

  TelemetryQueries queries();

  Retention retention();

  /** Console and API users, API tokens and console sessions. */
  AccessRepository access();

  /** The append-only audit log of analyst and administrator actions. */
  AuditLog audit();

  /** Analysts' triage state and notes per device. */
  TriageRepository triage();

  /** The HR roster (who a laptop belongs to and where they declared they work). */
  RosterRepository roster();

  /**
   * A fresh leader election for fleet-wide periodic jobs named {@code name}: exactly one holder among all
   * collectors sharing this store. Single-process backends are always leader.
   */
  LeaderElection leaderElection(String name);

  /** Whether the store can be reached and its schema is current. Never throws. */
  CheckResult check();

  /** Stops the writer (completing or failing what is queued) and closes the pool. Idempotent. */
  @Override
  void close();
}
