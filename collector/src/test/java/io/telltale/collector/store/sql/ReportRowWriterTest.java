package io.telltale.collector.store.sql;

import static io.telltale.collector.TestObjects.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import io.telltale.collector.TestObjects;
import io.telltale.collector.model.DeviceReport;
import io.telltale.collector.model.ReportKind;
import io.telltale.collector.model.SessionFacts;
import io.telltale.collector.store.DeviceState;
import io.telltale.collector.store.InventoryChange;
import io.telltale.collector.store.InventoryKind;
import io.telltale.collector.store.ReportWriter.WriteResult;
import io.telltale.collector.store.Sighting;
import io.telltale.collector.store.SightingKind;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batch boundaries made exact: each test hands {@link ReportRowWriter} one chosen batch, which the group
 * commit only does by timing. Runs on SQLite; the contract suite covers both backends through the writer.
 */
class ReportRowWriterTest {

  @TempDir static Path dir;
  static Database db;
  static SqlQueries queries;

  private final ReportRowWriter rows = new ReportRowWriter(SqlDialect.SQLITE, new SightingCache(1_000));
  private String device;

  @BeforeAll
  static void open() {
    HikariConfig pool = new HikariConfig();
    pool.setJdbcUrl("jdbc:sqlite:" + dir.resolve("t.db"));
    pool.setMaximumPoolSize(2);
    pool.addDataSourceProperty("journal_mode", "WAL");
    db = new Database(SqlDialect.SQLITE, pool);
    queries = new SqlQueries(db);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @BeforeEach
  void newDevice() {
    device = UUID.randomUUID().toString();
  }

  private List<WriteResult> write(DeviceReport... batch) {
    ReportRowWriter.Outcome outcome = db.inTransaction(c -> rows.write(c, List.of(batch)));
    outcome.afterCommit().run();
    return outcome.results();
  }

  private DeviceReport heartbeat(long seq, String ip, SessionFacts.Session... sessions) {
    DeviceReport hb = TestObjects.heartbeat(device, seq, T0.plusSeconds(seq * 300), ip, T0.getEpochSecond() / 60, 3);
    return new DeviceReport(device, seq, ReportKind.HEARTBEAT, hb.observedAt(), hb.receivedAt(), ip, "0.1.0", 1, 0,
        null, null, null, null, null, hb.power(), new SessionFacts(List.of(sessions), false, false, 1, false),
        hb.timing(), hb.activity(), List.of());
  }

  private static SessionFacts.Session anydesk() {
    return new SessionFacts.Session(SessionFacts.Kind.REMOTE_TOOL, "alice", "AnyDesk", "192.0.2.9", null);
  }

  @Test
  void duplicateInsideOneBatch_firstStoredSecondDuplicate_andCountedOnce() {
    DeviceReport r = heartbeat(1, "203.0.113.5");
    assertThat(write(r, r)).containsExactly(WriteResult.STORED, WriteResult.DUPLICATE);
    assertThat(write(r)).containsExactly(WriteResult.DUPLICATE);
    assertThat(queries.reportsOf(device, T0, T0.plusSeconds(3600))).hasSize(1);
    assertThat(queries.activityHours(device, T0, T0.plusSeconds(3600)).get(0).localEvents()).isEqualTo(30);
  }

  @Test
  void outOfOrderInsideOneBatch_appliedInSequenceOrder() {
    DeviceReport full = TestObjects.full(device, 1, T0, "203.0.113.1", "bash");
    List<WriteResult> results = write(heartbeat(3, "203.0.113.3"), full, heartbeat(2, "203.0.113.2"));
    assertThat(results).containsOnly(WriteResult.STORED);
    DeviceState s = queries.deviceState(device).orElseThrow();
    assertThat(s.lastSequence()).isEqualTo(3);
    assertThat(s.lastPublicIp()).isEqualTo("203.0.113.3");
    assertThat(s.software().processes()).extracting(p -> p.name()).containsExactly("bash");
    assertThat(queries.inventory(device, InventoryKind.PUBLIC_IP)).containsExactly("203.0.113.3");
    assertThat(queries.changes(device, T0, T0.plusSeconds(3600)))
        .filteredOn(c -> c.kind() == InventoryKind.PUBLIC_IP)
        .extracting(InventoryChange::itemKey, InventoryChange::appeared, InventoryChange::sequence)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("203.0.113.1", true, 1L),
            org.assertj.core.groups.Tuple.tuple("203.0.113.1", false, 2L),
            org.assertj.core.groups.Tuple.tuple("203.0.113.2", true, 2L),
            org.assertj.core.groups.Tuple.tuple("203.0.113.2", false, 3L),
            org.assertj.core.groups.Tuple.tuple("203.0.113.3", true, 3L));
  }

  @Test
  void lateReportInALaterBatch_storedButStateUnchanged() {
    write(heartbeat(5, "203.0.113.5"));
    assertThat(write(heartbeat(4, "203.0.113.4"))).containsExactly(WriteResult.STORED);
    assertThat(queries.deviceState(device).orElseThrow().lastPublicIp()).isEqualTo("203.0.113.5");
    assertThat(queries.inventory(device, InventoryKind.PUBLIC_IP)).containsExactly("203.0.113.5");
  }

  @Test
  void sessionGoneAndBackInsideOneBatch_presentOnceWithBothChangesRecorded() {
    write(heartbeat(1, "203.0.113.5", anydesk()));
    write(heartbeat(2, "203.0.113.5"), heartbeat(3, "203.0.113.5", anydesk()));
    assertThat(queries.inventory(device, InventoryKind.SESSION)).containsExactly("REMOTE_TOOL|alice|AnyDesk|192.0.2.9");
    assertThat(queries.changes(device, T0, T0.plusSeconds(3600)))
        .filteredOn(c -> c.kind() == InventoryKind.SESSION)
        .extracting(InventoryChange::appeared, InventoryChange::sequence)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(true, 1L), org.assertj.core.groups.Tuple.tuple(false, 2L),
            org.assertj.core.groups.Tuple.tuple(true, 3L));
  }

  @Test
  void sessionBackAndGoneInsideOneBatch_absentAfterwards() {
    write(heartbeat(1, "203.0.113.5"));
    write(heartbeat(2, "203.0.113.5", anydesk()), heartbeat(3, "203.0.113.5"));
    assertThat(queries.inventory(device, InventoryKind.SESSION)).isEmpty();
  }

  @Test
  void repeatedSighting_withinResolution_notRewritten_laterOneWidensTheSpan() {
    write(heartbeat(1, "203.0.113.5")); // seen at T0+5min
    write(heartbeat(2, "203.0.113.5")); // T0+10min: within the resolution of the span's end, not written
    Sighting s = publicIp();
    assertThat(s.lastSeen()).isEqualTo(T0.plusSeconds(300));
    write(heartbeat(4, "203.0.113.5")); // T0+20min: 15 minutes after the stored end
    assertThat(publicIp().lastSeen()).isEqualTo(T0.plusSeconds(1200));
    write(heartbeat(3, "203.0.113.5")); // within the span: nothing to widen
    assertThat(publicIp().firstSeen()).isEqualTo(T0.plusSeconds(300));
  }

  @Test
  void rolledBackBatch_leavesNoRememberedSighting() {
    assertThatThrownBy(() -> db.inTransaction(c -> {
      rows.write(c, List.of(heartbeat(1, "203.0.113.5"))); // its after-commit step never runs
      throw new IllegalStateException("simulated failure after the writes");
    })).isInstanceOf(IllegalStateException.class);
    write(heartbeat(2, "203.0.113.5"));
    assertThat(publicIp().lastSeen()).isEqualTo(T0.plusSeconds(600));
  }

  private Sighting publicIp() {
    return queries.sightingsOf(device).stream().filter(x -> x.kind() == SightingKind.PUBLIC_IP).findFirst()
        .orElseThrow();
  }
}
