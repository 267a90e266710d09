package io.telltale.collector.detect;

import static io.telltale.collector.detect.TestObjects.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.telltale.collector.detect.sql.StoreFleetView;
import io.telltale.collector.model.DeviceReport;
import io.telltale.collector.model.ReportKind;
import io.telltale.collector.model.Timing;
import io.telltale.collector.store.TelemetryStore;
import io.telltale.collector.store.sql.sqlite.SqliteTelemetryStores;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cached device state, advanced report by report, reads the same as the state the store keeps (minus
 * the inventories detection does not read from it), and gives up its copy whenever a report is missing.
 */
class CachedFleetViewTest {

  @TempDir Path dir;
  private TelemetryStore store;
  private StoreFleetView stored;
  private CachedFleetView cached;

  @BeforeEach
  void open() {
    store = SqliteTelemetryStores.create(dir.resolve("t.db"), 100, 10);
    stored = new StoreFleetView(store);
    cached = new CachedFleetView(stored, 100);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private void deliver(DeviceReport r) throws Exception {
    store.writer().write(r).get(30, TimeUnit.SECONDS);
    cached.apply(r);
  }

  /** A heartbeat: no system, hardware, network or software section; a new clock offset. */
  private static DeviceReport heartbeat(String device, long seq, Duration at, String ip) {
    DeviceReport full = report(device).seq(seq).at(at).build();
    return new DeviceReport(device, seq, ReportKind.HEARTBEAT, full.observedAt(), full.receivedAt(), ip, "0.1.0", 1,
        0, null, null, null, null, null, full.power(), null, new Timing(40, 1234L), null, List.of());
  }

  private void assertSameAsStore(String device) {
    DeviceFacts fromStore = stored.facts(device).orElseThrow();
    DeviceFacts fromCache = cached.facts(device).orElseThrow();
    assertThat(fromCache).usingRecursiveComparison().ignoringFields("software", "network").isEqualTo(fromStore);
    assertThat(fromCache.software()).isNull();
    assertThat(fromCache.network()).isNull();
  }

  @Test
  void fullReportsAndHeartbeats_mergeAsTheStoreMergesThem() throws Exception {
    deliver(report("d").seq(1).software(anyDesk()).hardware(hardware(List.of(PIKVM_USB), List.of(PANEL)))
        .network(network("aa:bb:cc:00:00:01", "hmac:b", List.of())).build());
    assertThat(cached.facts("d")).isPresent(); // loaded from the store at sequence 1
    deliver(heartbeat("d", 2, Duration.ofMinutes(5), "198.51.100.9"));
    assertSameAsStore("d");
    deliver(heartbeat("d", 3, Duration.ofMinutes(10), "")); // no public IP: the last one stays
    assertSameAsStore("d");
    deliver(report("d").seq(4).at(Duration.ofMinutes(15)).hardware(hardware(List.of(), List.of(DELL_MONITOR)))
        .uptimeDays(2).build());
    assertSameAsStore("d");
    assertThat(cached.facts("d").orElseThrow().lastPublicIp()).isEqualTo("192.0.2.10");
  }

  @Test
  void aReportThatSkipsASequence_sendsTheNextReadToTheStore() throws Exception {
    deliver(report("d").seq(1).build());
    cached.facts("d");
    store.writer().write(heartbeat("d", 2, Duration.ofMinutes(5), "198.51.100.2")).get(30, TimeUnit.SECONDS);
    deliver(heartbeat("d", 3, Duration.ofMinutes(10), "")); // detection never saw 2
    assertSameAsStore("d");
    assertThat(cached.facts("d").orElseThrow().lastPublicIp()).isEqualTo("198.51.100.2");
  }

  @Test
  void aReportAlreadyIncluded_changesNothing() throws Exception {
    deliver(report("d").seq(1).build());
    deliver(heartbeat("d", 2, Duration.ofMinutes(5), "198.51.100.2"));
    cached.facts("d"); // loaded at sequence 2
    cached.apply(heartbeat("d", 2, Duration.ofMinutes(5), "203.0.113.99")); // a replay: already in
    assertThat(cached.facts("d").orElseThrow().lastPublicIp()).isEqualTo("198.51.100.2");
  }
}
