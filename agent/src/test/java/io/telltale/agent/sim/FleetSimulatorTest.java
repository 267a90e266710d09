package io.telltale.agent.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.telltale.agent.testing.TestCollector;
import io.telltale.agent.testing.TestFiller;
import io.telltale.proto.v1.ReportKind;
import io.telltale.proto.v1.ReportRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetSimulatorTest {

  @TempDir Path dir;
  TestCollector collector;
  Scenario scenario;

  @BeforeEach
  void start() throws Exception {
    collector = new TestCollector().start();
    scenario = ScenarioLoader.parse("two-laptops.json", ScenarioLoaderTest.json());
  }

  @AfterEach
  void stop() throws Exception {
    collector.close();
  }

  private FleetSimulator.Builder sim() {
    return FleetSimulator.builder().scenario(scenario).collector(collector.address()).token(TestCollector.TOKEN)
        .caPem(collector.pki.caPem()).sectionFillers(TestFiller.FACTORY).stateDir(dir)
        .speed(FleetSimulator.Speed.MAX).flushTimeout(Duration.ofSeconds(20));
  }

  @Test
  void maxSpeed_everyDeviceDeliversEveryReportOnce_includingTheOfflineBacklog() {
    SimulationSummary summary = sim().build().run();

    assertThat(summary.devices()).isEqualTo(2);
    assertThat(summary.reportsCreated()).isEqualTo(24);
    assertThat(summary.reportsSent()).isEqualTo(24);
    assertThat(summary.undelivered()).isZero();
    for (String id : summary.deviceIds().values()) {
      assertThat(collector.sequences(id)).containsExactlyElementsOf(LongStream.rangeClosed(1, 12).boxed().toList());
    }
    String farm = summary.deviceIds().get("LT-FARM");
    List<ReportRequest> farmReports = collector.received.stream()
        .filter(r -> collector.stored.get(farm).get(r.getSequence()) == r).toList();
    // Offline from hour 3 to 4.5: reports 7..9 arrive together with report 10, in order.
    assertThat(farmReports).extracting(ReportRequest::getSequence).isSorted();
    assertThat(collector.forwardedFor.get(farm)).as("VPN exit from hour 2").isEqualTo("203.0.113.9");
    assertThat(collector.forwardedFor.get(summary.deviceIds().get("LT-BENIGN"))).isEqualTo("198.51.100.7");
  }

  @Test
  void deviceTimestampsCarryTheSkew_andTimingComesFromTheScenario() {
    SimulationSummary summary = sim().build().run();
    ReportRequest first = collector.stored.get(summary.deviceIds().get("LT-FARM")).get(1L);
    assertThat(first.getObservedAtMs()).isEqualTo(Instant.parse("2025-04-14T00:00:00Z").toEpochMilli() - 2_500);
    assertThat(first.getKind()).isEqualTo(ReportKind.REPORT_KIND_FULL);
    assertThat(first.getTiming().getRttMs()).isEqualTo(51);
    assertThat(first.getTiming().getClockOffsetMs()).isEqualTo(-2_500);
    ReportRequest afterVpn = collector.stored.get(summary.deviceIds().get("LT-FARM")).get(5L);
    assertThat(afterVpn.getTiming().getRttMs()).isEqualTo(180);
    assertThat(afterVpn.getKind()).as("the VPN process changed the inventory").isEqualTo(ReportKind.REPORT_KIND_FULL);
  }

  @Test
  void twoRuns_sameScenario_produceTheSameReportBodies() throws Exception {
    SimulationSummary a = sim().build().run();
    List<ReportRequest> first = collector.stored.get(a.deviceIds().get("LT-FARM")).values().stream().toList();
    TestCollector other = new TestCollector().start();
    try {
      SimulationSummary b = FleetSimulator.builder().scenario(scenario).collector(other.address())
          .token(TestCollector.TOKEN).caPem(other.pki.caPem()).sectionFillers(TestFiller.FACTORY)
          .stateDir(dir.resolve("second")).speedFactor(3_600 * 50).build().run();
      List<ReportRequest> second = other.stored.get(b.deviceIds().get("LT-FARM")).values().stream().toList();
      assertThat(second).hasSameSizeAs(first);
      for (int i = 0; i < first.size(); i++) {
        assertThat(strip(second.get(i))).isEqualTo(strip(first.get(i)));
      }
    } finally {
      other.close();
    }
  }

  private static ReportRequest strip(ReportRequest r) {
    return r.toBuilder().clearSentAtMs().build();
  }

  @Test
  void rebaseToNow_movesByWholeWeeks_soTheScenarioEndsJustBeforeNow() {
    Instant now = Instant.parse("2026-11-25T05:00:00Z");
    Scenario moved = FleetSimulator.rebase(scenario, now);
    assertThat(moved.end()).isBeforeOrEqualTo(now).isAfter(now.minus(Duration.ofDays(7)));
    assertThat(Duration.between(scenario.start(), moved.start()).toDays() % 7).isZero();
  }
}
