package io.telltale.collector.store;

import io.telltale.collector.store.sql.postgres.PostgresTelemetryStores;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The contract on a real PostgreSQL (one server per class; tests use fresh device ids instead of wiping). */
class PostgresTelemetryStoreIT extends TelemetryStoreContract {

  @TempDir static Path dir;
  static EmbeddedPg pg;
  static TelemetryStore store;

  @BeforeAll
  static void open() {
    pg = EmbeddedPg.start(dir.resolve("pg"));
    store = PostgresTelemetryStores.create(pg.jdbcUrl(), "postgres", "", 4, 1_000, 100);
  }

  @AfterAll
  static void close() throws Exception {
    if (store != null) {
      store.close();
    }
    if (pg != null) {
      pg.close();
    }
  }

  @Override
  protected TelemetryStore store() {
    return store;
  }
}
