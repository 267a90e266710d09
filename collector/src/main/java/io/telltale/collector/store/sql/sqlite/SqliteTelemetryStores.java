package io.telltale.collector.store.sql.sqlite;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import io.telltale.collector.store.TelemetryStore;
import io.telltale.collector.store.sql.AlwaysLeader;
import io.telltale.collector.store.sql.Database;
import io.telltale.collector.store.sql.SqlDialect;
import io.telltale.collector.store.sql.SqlTelemetryStore;
import java.nio.file.Path;

/** Builds the SQLite store. */
public final class SqliteTelemetryStores {

  /** Small pool: SQLite has one writer at a time; the extra connections serve concurrent reads. */
  private static final int POOL_SIZE = 4;

  private SqliteTelemetryStores() {}

  /**
   * A store on the database file {@code file} (created with its parent directories on first use). Opens
   * nothing now.
   */
  public static TelemetryStore create(Path file, int queueCapacity, int maxBatch) {
    requireNonNull(file, "file");
    HikariConfig pool = new HikariConfig();
    pool.setPoolName("telltale-sqlite");
    pool.setJdbcUrl("jdbc:sqlite:" + file.toAbsolutePath());
    pool.setMaximumPoolSize(POOL_SIZE);
    pool.setConnectionTimeout(10_000);
    // Durability: WAL with synchronous=FULL fsyncs the WAL on every commit (STYLE #3). The journal mode
    // is persistent in the file; synchronous and busy_timeout are per connection, hence set on each.
    pool.addDataSourceProperty("journal_mode", "WAL");
    pool.addDataSourceProperty("synchronous", "FULL");
    // Writers from other threads (token and device changes) wait for the group-commit writer's lock.
    pool.addDataSourceProperty("busy_timeout", "10000");
    // Take the write lock at BEGIN: a deferred transaction upgrading to write can fail with SQLITE_BUSY
    // without waiting when another connection committed in between.
    pool.addDataSourceProperty("transaction_mode", "IMMEDIATE");
    pool.addDataSourceProperty("foreign_keys", "false");
    // Page cache per connection, in KiB when negative: 32 MiB instead of SQLite's 2 MiB keeps the indexes a
    // batch inserts into (inventory, change history, activity) in memory; the default made a FULL report's
    // few hundred inventory rows read index pages back from the OS on every insert.
    pool.addDataSourceProperty("cache_size", "-32768");
    return new SqlTelemetryStore(
        new Database(SqlDialect.SQLITE, pool, () -> createParent(file)), queueCapacity, maxBatch,
        name -> new AlwaysLeader());
  }

  private static void createParent(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        java.nio.file.Files.createDirectories(parent);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
