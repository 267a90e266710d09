package io.telltale.collector.store;

import io.telltale.collector.store.sql.sqlite.SqliteTelemetryStores;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The contract on SQLite: one temp database file per class; tests use fresh device ids instead of wiping. */
class SqliteTelemetryStoreTest extends TelemetryStoreContract {

  @TempDir static Path dir;
  static TelemetryStore store;

  @BeforeAll
  static void open() {
    store = SqliteTelemetryStores.create(dir.resolve("sub/telltale.db"), 1_000, 100);
  }

  @AfterAll
  static void close() {
    store.close();
  }

  @Override
  protected TelemetryStore store() {
    return store;
  }
}
