package io.telltale.collector.store;

/**
 * Everything the collector keeps: devices and their certificates, enrollment tokens, raw reports, current
 * device state, change history, activity, network sightings and fleet settings.
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
