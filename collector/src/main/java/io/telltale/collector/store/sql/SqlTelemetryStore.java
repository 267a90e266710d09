package io.telltale.collector.store.sql;

import static java.util.Objects.requireNonNull;

import io.telltale.collector.store.AccessRepository;
import io.telltale.collector.store.AuditLog;
import io.telltale.collector.store.CheckResult;
import io.telltale.collector.store.DeviceRepository;
import io.telltale.collector.store.FleetSettings;
import io.telltale.collector.store.LeaderElection;
import io.telltale.collector.store.ReportWriter;
import io.telltale.collector.store.Retention;
import io.telltale.collector.store.RosterRepository;
import io.telltale.collector.store.TelemetryQueries;
import io.telltale.collector.store.TelemetryStore;
import io.telltale.collector.store.TokenRepository;
import io.telltale.collector.store.TriageRepository;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/** The JDBC store shared by both dialects; a dialect package only builds its {@link Database}. */
public final class SqlTelemetryStore implements TelemetryStore {

  private final Database db;
  private final GroupCommitWriter writer;
  private final SqlDevices devices;
  private final SqlTokens tokens;
  private final SqlSettings settings;
  private final SqlQueries queries;
  private final SqlRetention retention;
  private final SqlAccess access;
  private final SqlAudit audit;
  private final SqlTriage triage;
  private final SqlRoster roster;
  private final Function<String, LeaderElection> elections;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * Records the settings; opens nothing.
   *
   * @param queueCapacity bound of the ingest queue (reports waiting for a commit)
   * @param maxBatch most reports committed in one transaction
   * @param elections builds a leader election for a job name
   */
  public SqlTelemetryStore(
      Database db, int queueCapacity, int maxBatch, Function<String, LeaderElection> elections) {
    this.db = requireNonNull(db, "db");
    this.writer = new GroupCommitWriter(db, queueCapacity, maxBatch);
    this.devices = new SqlDevices(db);
    this.tokens = new SqlTokens(db);
    this.settings = new SqlSettings(db);
    this.queries = new SqlQueries(db);
    this.retention = new SqlRetention(db);
    this.access = new SqlAccess(db);
    this.audit = new SqlAudit(db);
    this.triage = new SqlTriage(db);
    this.roster = new SqlRoster(db);
    this.elections = requireNonNull(elections, "elections");
  }

  @Override
  public ReportWriter writer() {
    return writer;
  }

  @Override
  public DeviceRepository devices() {
    return devices;
  }

  @Override
  public TokenRepository tokens() {
    return tokens;
  }

  @Override
  public FleetSettings settings() {
    return settings;
  }

  @Override
  public TelemetryQueries queries() {
    return queries;
  }

  @Override
  public Retention retention() {
    return retention;
  }

  @Override
  public AccessRepository access() {
    return access;
  }

  @Override
  public AuditLog audit() {
    return audit;
  }

  @Override
  public TriageRepository triage() {
    return triage;
  }

  @Override
  public RosterRepository roster() {
    return roster;
  }

  @Override
  public LeaderElection leaderElection(String name) {
    return elections.apply(name);
  }

  /**
   * The database, for components that keep their own tables in the same schema (detection). Its
   * migrations include theirs; nothing here leaks into {@link TelemetryStore}.
   */
  public Database database() {
    return db;
  }

  /** Committed batches, reports committed, reports whose write failed (for benchmarks and metrics). */
  public long[] writerStats() {
    return writer.stats();
  }

  @Override
  public CheckResult check() {
    return db.check();
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      writer.close();
      db.close();
    }
  }

  @Override
  public String toString() {
    return "SqlTelemetryStore{" + db.dialect() + "}";
  }
}
