package io.telltale.collector.config;

import io.telltale.collector.store.TelemetryStore;
import io.telltale.collector.store.sql.postgres.PostgresTelemetryStores;
import io.telltale.collector.store.sql.sqlite.SqliteTelemetryStores;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds the configured {@link TelemetryStore} (no I/O beyond reading the password file). */
public final class StoreSelector {

  private StoreSelector() {}

  public static TelemetryStore open(CollectorConfig config) throws IOException {
    CollectorConfig.Ingest ingest = config.ingest();
    CollectorConfig.Store store = config.store();
    return switch (store.type()) {
      case SQLITE -> SqliteTelemetryStores.create(store.sqlitePath(), ingest.queueCapacity(), ingest.maxBatch());
      case POSTGRES -> {
        CollectorConfig.Postgres pg = store.postgres();
        String password = pg.passwordFile().isEmpty()
            ? "" : Files.readString(Path.of(pg.passwordFile()), StandardCharsets.UTF_8).strip();
        yield PostgresTelemetryStores.create(pg.url(), pg.user(), password, pg.poolSize(), ingest.queueCapacity(),
            ingest.maxBatch());
      }
    };
  }
}
