package io.telltale.collector.store.sql;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.telltale.collector.store.CheckResult;
import io.telltale.collector.store.StoreUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lazily opened connection pool plus the schema migration. Nothing connects until the first call; a
 * failed migration is retried on the next call, so a collector started while the database is down heals
 * when it comes back.
 */
public final class Database implements AutoCloseable {

  private static final Logger logger = LoggerFactory.getLogger(Database.class);

  private final SqlDialect dialect;
  private final HikariConfig poolConfig;
  private final Runnable beforeOpen;
  private final Object lock = new Object();
  private @Nullable HikariDataSource pool;
  private volatile boolean migrated;
  private volatile boolean closed;

  /** Records the settings; opens nothing. {@code poolConfig} must not be modified afterwards. */
  public Database(SqlDialect dialect, HikariConfig poolConfig) {
    this(dialect, poolConfig, () -> {});
  }

  /** As above; {@code beforeOpen} runs once before the pool opens (e.g. creating a directory). */
  public Database(SqlDialect dialect, HikariConfig poolConfig, Runnable beforeOpen) {
    this.dialect = requireNonNull(dialect, "dialect");
    this.poolConfig = requireNonNull(poolConfig, "poolConfig");
    this.beforeOpen = requireNonNull(beforeOpen, "beforeOpen");
    // Start even when the database is down: connections are made on demand, failures reported by check().
    poolConfig.setInitializationFailTimeout(-1);
  }

  public SqlDialect dialect() {
    return dialect;
  }

  /** Runs {@code work} in one transaction and commits; rolls back and rethrows on failure. */
  public <T> T inTransaction(SqlFunction<T> work) {
    try (Connection c = connection()) {
      c.setAutoCommit(false);
      try {
        T result = work.apply(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(c, e);
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreUnavailableException("database error: " + e.getSQLState(), e);
    }
  }

  /** Runs {@code work} on a connection in auto-commit mode. */
  public <T> T withConnection(SqlFunction<T> work) {
    try (Connection c = connection()) {
      return work.apply(c);
    } catch (SQLException e) {
      throw new StoreUnavailableException("database error: " + e.getSQLState(), e);
    }
  }

  /** A pooled connection from a migrated database; the caller closes it. */
  Connection connection() throws SQLException {
    HikariDataSource ds = pool();
    if (!migrated) {
      migrate(ds);
    }
    return ds.getConnection();
  }

  private HikariDataSource pool() {
    synchronized (lock) {
      if (closed) {
        throw new StoreUnavailableException("store closed");
      }
      if (pool == null) {
        try {
          beforeOpen.run();
        } catch (RuntimeException e) {
          throw new StoreUnavailableException("cannot prepare the database location", e);
        }
        pool = new HikariDataSource(poolConfig);
      }
      return pool;
    }
  }

  private void migrate(HikariDataSource ds) {
    synchronized (lock) {
      if (migrated) {
        return;
      }
      try {
        Flyway.configure(Database.class.getClassLoader())
            .dataSource(ds)
            .locations(dialect.migrations())
            .load()
            .migrate();
        migrated = true;
      } catch (RuntimeException e) {
        throw new StoreUnavailableException("schema migration failed; will retry", e);
      }
    }
  }

  /** Connects, migrates if needed and runs a trivial query. Never throws. */
  public CheckResult check() {
    try {
      return withConnection(
          c -> {
            try (var s = c.createStatement()) {
              s.execute("SELECT 1");
            }
            return CheckResult.OK;
          });
    } catch (RuntimeException e) {
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      return CheckResult.failed(e.getMessage() + " (" + root.getClass().getSimpleName() + ")");
    }
  }

  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      if (pool != null) {
        pool.close();
        pool = null;
      }
    }
  }

  private static void rollbackQuietly(Connection c, Exception cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
      logger.debug("rollback failed", e);
    }
  }
}
