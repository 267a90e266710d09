package io.telltale.collector.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.telltale.collector.TestObjects;
import io.telltale.collector.store.sql.sqlite.SqliteTelemetryStores;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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

  @Test
  void auditLog_refusesUpdateAndDelete_evenFromRawSql() throws Exception {
    store.audit().append(new AuditEntry(0, TestObjects.T0, "alice", "login", "alice", "", "", "127.0.0.1"));
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("sub/telltale.db"))) {
      assertThatThrownBy(() -> c.createStatement().executeUpdate("UPDATE audit_log SET actor = 'mallory'"))
          .hasMessageContaining("append-only");
      assertThatThrownBy(() -> c.createStatement().executeUpdate("DELETE FROM audit_log"))
          .hasMessageContaining("append-only");
    }
    assertThat(store.audit().list("alice", null, null, null, 0, 10)).isNotEmpty();
  }
}
