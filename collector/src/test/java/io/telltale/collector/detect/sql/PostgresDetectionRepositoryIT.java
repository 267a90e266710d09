package io.telltale.collector.detect.sql;

import io.telltale.collector.store.EmbeddedPg;
import io.telltale.collector.store.TelemetryStore;
import io.telltale.collector.store.sql.postgres.PostgresTelemetryStores;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The detection repository contract on a real PostgreSQL: one server per class, a fresh database per test. */
class PostgresDetectionRepositoryIT extends SqlDetectionRepositoryTest.SqlContract {

  private static final AtomicInteger databases = new AtomicInteger();

  @TempDir static Path dir;
  static EmbeddedPg pg;
  TelemetryStore store;

  @BeforeAll
  static void startPg() {
    pg = EmbeddedPg.start(dir.resolve("pg"));
  }

  @AfterAll
  static void stopPg() throws Exception {
    if (pg != null) {
      pg.close();
    }
  }

  @BeforeEach
  void open() throws Exception {
    String url = pg.createDatabase("detect_" + databases.incrementAndGet());
    store = PostgresTelemetryStores.create(url, "postgres", "", 2, 100, 10);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Override
  TelemetryStore store() {
    return store;
  }
}
