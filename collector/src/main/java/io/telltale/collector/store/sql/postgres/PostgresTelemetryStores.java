package io.telltale.collector.store.sql.postgres;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import io.telltale.collector.store.TelemetryStore;
import io.telltale.collector.store.sql.Database;
import io.telltale.collector.store.sql.SqlDialect;
import io.telltale.collector.store.sql.SqlTelemetryStore;

/** Builds the PostgreSQL store. Any number of collectors may share one database. */
public final class PostgresTelemetryStores {

  private PostgresTelemetryStores() {}

  /** Opens nothing now; connections are made on first use and re-made after the database comes back. */
  public static TelemetryStore create(String jdbcUrl, String user, String password, int poolSize, int queueCapacity,
      int maxBatch) {
    requireNonNull(jdbcUrl, "jdbcUrl");
    HikariConfig pool = new HikariConfig();
    pool.setPoolName("telltale-postgres");
    pool.setJdbcUrl(jdbcUrl);
    if (!user.isEmpty()) {
      pool.setUsername(user);
    }
    if (!password.isEmpty()) {
      pool.setPassword(password);
    }
    pool.setMaximumPoolSize(poolSize);
    pool.setMinimumIdle(1);
    // Fail a borrow fast when the database is gone: the agent keeps its report and retries, and the
    // writer thread must not sit for Hikari's default 30 s while the queue fills up.
    pool.setConnectionTimeout(3_000);
    pool.setValidationTimeout(1_000);
    // A commit that succeeded on the server but whose reply was lost is retried by the agent and then
    // found as a duplicate, so socket timeouts only bound how long a dead connection can hang a batch.
    pool.addDataSourceProperty("connectTimeout", "3");
    pool.addDataSourceProperty("socketTimeout", "30");
    pool.addDataSourceProperty("tcpKeepAlive", "true");
    return new SqlTelemetryStore(new Database(SqlDialect.POSTGRES, pool), queueCapacity, maxBatch,
        name -> new PostgresLeaderElection(jdbcUrl, user, password, name));
  }
}
