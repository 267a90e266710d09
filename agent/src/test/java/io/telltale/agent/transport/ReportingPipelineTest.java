package io.telltale.agent.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.telltale.agent.config.AgentConfig;
import io.telltale.agent.config.AgentState;
import io.telltale.agent.internal.ManualClock;
import io.telltale.agent.probe.OsFamily;
import io.telltale.agent.spool.DropSummary;
import io.telltale.agent.spool.Spool;
import io.telltale.agent.testing.FakeProbeSource;
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

class ReportingPipelineTest {

  @TempDir Path dir;
  TestCollector collector;
  ManualClock clock = new ManualClock(Instant.parse("2025-04-14T08:00:00Z"));
  FakeProbeSource probes = new FakeProbeSource();
  AgentState state;
  CollectorConnection connection;
  ReportingPipeline pipeline;
  String device;

  @BeforeEach
  void setUp() throws Exception {
    collector = new TestCollector().start();
    state = new AgentState(dir);
    device = Enrollment.enrollInto(state, CollectorAddress.parse(collector.address()), collector.pki.caPem(),
        TestCollector.TOKEN, new Enrollment.DeviceInfo("h", "s", OsFamily.LINUX, "t"), null);
    connection = CollectorConnection.mutualTls(CollectorAddress.parse(collector.address()),
        state.readText(state.privateKeyFile()), state.readText(state.certificateFile()),
        state.readText(state.caFile()), null, null);
    pipeline = new ReportingPipeline("test", probes, clock, state, AgentConfig.defaults(collector.address(), dir),
        connection, TestFiller.FACTORY, new LinkTiming.Measured());
  }

  @AfterEach
  void tearDown() throws Exception {
    pipeline.close();
    connection.close();
    collector.close();
  }

  private void tick() {
    clock.advance(Duration.ofMinutes(5));
    pipeline.observe();
  }

  @Test
  void firstReportIsFull_unchangedFactsGiveHeartbeats_aChangedProcessListGivesFull() {
    tick();
    tick();
    probes.processes = List.of("explorer.exe", "AnyDesk.exe");
    tick();
    tick();
    assertThat(pipeline.deliver()).isInstanceOf(DeliveryOutcome.Drained.class);
    assertThat(collector.received.stream().map(ReportRequest::getKind)).containsExactly(
        ReportKind.REPORT_KIND_FULL, ReportKind.REPORT_KIND_HEARTBEAT, ReportKind.REPORT_KIND_FULL,
        ReportKind.REPORT_KIND_HEARTBEAT);
    ReportRequest heartbeat = collector.received.stream().skip(1).findFirst().orElseThrow();
    assertThat(heartbeat.hasSoftware()).isFalse();
    assertThat(heartbeat.hasSystem()).isFalse();
    assertThat(heartbeat.hasPower()).isTrue();
    assertThat(heartbeat.getActivity().getMinutesCount()).isPositive();
    assertThat(heartbeat.getAgentVersion()).isNotEmpty();
  }

  @Test
  void collectorDownForAWhile_everyReportObservedMeanwhileArrivesExactlyOnce_inOrder() throws Exception {
    tick();
    assertThat(pipeline.deliver()).isInstanceOf(DeliveryOutcome.Drained.class);
    collector.stop();
    for (int i = 0; i < 6; i++) {
      tick();
      assertThat(pipeline.deliver()).isInstanceOf(DeliveryOutcome.RetryLater.class);
    }
    assertThat(pipeline.spool().size()).isEqualTo(6);
    collector.start();
    tick();
    // The run loop retries after its backoff; the channel reconnects within a few attempts.
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
        .until(() -> pipeline.deliver() instanceof DeliveryOutcome.Drained);
    assertThat(collector.sequences(device)).containsExactlyElementsOf(LongStream.rangeClosed(1, 8).boxed().toList());
    assertThat(collector.received).hasSize(8);
    assertThat(pipeline.spool().size()).isZero();
  }

  @Test
  void lostAcknowledgement_resendsTheSameSequence_andTheCollectorAcksItAsDuplicate() {
    collector.loseAckNext.set(1); // stored, but the response never reaches the agent
    tick();

    assertThat(pipeline.deliver()).isInstanceOf(DeliveryOutcome.RetryLater.class);
    assertThat(pipeline.spool().size()).as("not acknowledged: still spooled").isEqualTo(1);
    assertThat(pipeline.deliver()).isInstanceOf(DeliveryOutcome.Drained.class);

    assertThat(collector.received.stream().map(ReportRequest::getSequence)).containsExactly(1L, 1L);
    assertThat(collector.sequences(device)).containsExactly(1L);
    assertThat(pipeline.stats().duplicates()).isEqualTo(1);
    assertThat(pipeline.spool().size()).isZero();
    tick();
    pipeline.deliver();
    assertThat(collector.sequences(device)).as("the next report is new, not a resend").containsExactly(1L, 2L);
  }

  @Test
  void spoolFullWhileTheCollectorIsDown_dropsOldestHeartbeats_andTheNextDeliveredReportCarriesTheCount()
      throws Exception {
    pipeline.close();
    pipeline = new ReportingPipeline("test", probes, clock, state, new AgentConfig(collector.address(), dir,
        AgentConfig.DEFAULT_REPORT_INTERVAL, AgentConfig.DEFAULT_FULL_INVENTORY_INTERVAL, Spool.MIN_MAX_BYTES,
        AgentConfig.DEFAULT_CPU_LIMIT_PERMILLE, AgentConfig.DEFAULT_MEMORY_LIMIT_BYTES, List.of()),
        connection, TestFiller.FACTORY, new LinkTiming.Measured());
    tick();
    assertThat(pipeline.deliver()).isInstanceOf(DeliveryOutcome.Drained.class);
    collector.stop();
    // Six hours between observations: each heartbeat carries 360 activity minutes (~3 kB), so the
    // minimum spool (256 KiB) overflows after some 80 reports.
    List<Long> fulls = new java.util.ArrayList<>();
    long last = 1;
    for (int i = 0; i < 400 && pipeline.spool().pendingDrops().count() < 20; i++) {
      if (i == 50) {
        probes.processes = List.of("explorer.exe", "AnyDesk.exe"); // an inventory change in the middle
      }
      clock.advance(Duration.ofHours(6));
      last = pipeline.observe();
      if (i == 50) {
        fulls.add(last);
      }
    }
    DropSummary drops = pipeline.spool().pendingDrops();
    assertThat(drops.count()).isGreaterThanOrEqualTo(20);
    int spooled = pipeline.spool().size();

    collector.start();
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
        .until(() -> pipeline.deliver() instanceof DeliveryOutcome.Drained);

    List<ReportRequest> afterOutage = collector.received.stream().skip(1).toList();
    assertThat(afterOutage.get(0).getDroppedHeartbeats()).isEqualTo(drops.count());
    assertThat(afterOutage.get(0).getDroppedFirstSequence()).isEqualTo(drops.firstSequence());
    assertThat(afterOutage.get(0).getDroppedLastSequence()).isEqualTo(drops.lastSequence());
    assertThat(afterOutage.stream().skip(1).mapToInt(ReportRequest::getDroppedHeartbeats)).as("counted once")
        .containsOnly(0);
    assertThat(afterOutage).hasSize(spooled);
    assertThat(collector.storedCount() + drops.count()).as("every report is stored or counted").isEqualTo((int) last);
    assertThat(collector.sequences(device)).containsAll(fulls).contains(last);
    assertThat(collector.stored.get(device).get(fulls.get(0)).getKind()).isEqualTo(ReportKind.REPORT_KIND_FULL);
    assertThat(pipeline.spool().pendingDrops()).isEqualTo(DropSummary.NONE);
  }

  @Test
  void resourceExhausted_keepsTheReport_andWaitsAtLeastTheRetryAfterTrailer() {
    collector.retryAfterMs = 90_000;
    collector.failNext.add(Status.RESOURCE_EXHAUSTED.withDescription("busy"));
    tick();
    DeliveryOutcome o = pipeline.deliver();
    assertThat(o).isInstanceOfSatisfying(DeliveryOutcome.RetryLater.class,
        r -> assertThat(r.retryDelayMs()).isGreaterThanOrEqualTo(90_000));
    assertThat(pipeline.spool().size()).isEqualTo(1);
    assertThat(pipeline.deliver()).isInstanceOf(DeliveryOutcome.Drained.class);
    assertThat(collector.sequences(device)).containsExactly(1L);
  }

  @Test
  void invalidArgument_movesTheReportAside_andTheQueueKeepsMoving() {
    collector.malformed.add(2L);
    tick();
    tick();
    tick();
    // The batch of three is refused; sent one by one, only report 2 is set aside.
    assertThat(pipeline.deliver()).isInstanceOf(DeliveryOutcome.Drained.class);
    assertThat(pipeline.stats().rejected()).isEqualTo(1);
    assertThat(collector.sequences(device)).containsExactly(1L, 3L);
    assertThat(state.spoolDir().resolve("rejected/2.pb")).exists();
  }

  @Test
  void aBacklog_goesInBatches_andAnOlderCollectorGetsItReportByReport() throws Exception {
    for (int i = 0; i < Reporter.MAX_BATCH + 6; i++) {
      tick();
    }
    assertThat(pipeline.deliver()).isInstanceOf(DeliveryOutcome.Drained.class);
    assertThat(collector.batches.get()).isEqualTo(2);
    assertThat(collector.sequences(device)).hasSize(Reporter.MAX_BATCH + 6);
    assertThat(pipeline.spool().size()).isZero();

    collector.takesBatches = false;
    tick();
    tick();
    tick();
    assertThat(pipeline.deliver()).isInstanceOf(DeliveryOutcome.Drained.class);
    assertThat(collector.batches.get()).isEqualTo(2);
    assertThat(collector.sequences(device)).hasSize(Reporter.MAX_BATCH + 9);
  }

  @Test
  void aFailedBatch_keepsEveryReport_andTheRetryStoresEachOnce() {
    tick();
    tick();
    tick();
    collector.failNext.add(Status.UNAVAILABLE.withDescription("store down"));
    assertThat(pipeline.deliver()).isInstanceOf(DeliveryOutcome.RetryLater.class);
    assertThat(pipeline.spool().size()).isEqualTo(3);
    assertThat(pipeline.deliver()).isInstanceOf(DeliveryOutcome.Drained.class);
    assertThat(collector.sequences(device)).containsExactly(1L, 2L, 3L);
    assertThat(collector.received).hasSize(3);
  }

  @Test
  void permissionDenied_stopsReporting_recordsTheRevocation_andDeletesTheSpool() {
    collector.failNext.add(Status.PERMISSION_DENIED.withDescription("certificate revoked"));
    tick();
    tick();
    assertThat(pipeline.deliver()).isInstanceOf(DeliveryOutcome.Revoked.class);
    assertThat(pipeline.revoked()).isTrue();
    assertThat(state.revocation()).hasValueSatisfying(r -> {
      assertThat(r.deviceId()).isEqualTo(device);
      assertThat(r.at()).isEqualTo(clock.now());
      assertThat(r.reason()).isEqualTo("certificate revoked");
    });
    assertThat(state.spoolDir()).as("spool of a revoked device").doesNotExist();

    tick(); // observes nothing, spools nothing
    assertThat(probes.observations.get()).isEqualTo(2);
    assertThat(pipeline.deliver()).isInstanceOf(DeliveryOutcome.Revoked.class);
    assertThat(state.spoolDir()).doesNotExist();
    assertThat(collector.received).isEmpty();
  }

  @Test
  void aPipelineOverARevokedStateDirectory_observesAndSendsNothing() {
    collector.failNext.add(Status.PERMISSION_DENIED.withDescription("certificate revoked"));
    tick();
    pipeline.deliver();
    int calls = collector.calls.get();
    FakeProbeSource fresh = new FakeProbeSource();
    try (ReportingPipeline again = new ReportingPipeline("test", fresh, clock, state,
        AgentConfig.defaults(collector.address(), dir), connection, TestFiller.FACTORY, new LinkTiming.Measured())) {
      assertThat(again.revoked()).isTrue();
      assertThat(again.observe()).isEqualTo(-1);
      assertThat(again.deliver()).isEqualTo(new DeliveryOutcome.Revoked("certificate revoked"));
    }
    assertThat(fresh.observations.get()).isZero();
    assertThat(collector.calls.get()).isEqualTo(calls);
    assertThat(state.spoolDir()).doesNotExist();
  }

  @Test
  void newerPushedConfig_isAppliedPersistedAndReportedAsTheConfigVersion() {
    collector.config = io.telltale.proto.v1.AgentConfig.newBuilder().setVersion(7).setReportIntervalSeconds(60)
        .setSpoolMaxBytes(1 << 20).addEnabledProbes("software").addEnabledProbes("power").build();
    tick();
    pipeline.deliver();
    assertThat(pipeline.settings().configVersion()).isEqualTo(7);
    assertThat(pipeline.settings().reportInterval()).isEqualTo(Duration.ofSeconds(60));
    assertThat(state.remoteConfig().version()).isEqualTo(7);
    assertThat(probes.enabled).containsExactlyInAnyOrder("software", "power");
    tick();
    pipeline.deliver();
    assertThat(collector.received.stream().map(ReportRequest::getConfigVersion)).containsExactly(1L, 7L);
  }

  @Test
  void renewalRequested_swapsTheCertificate_andReportingContinuesOnTheNewOne() {
    String before = state.readText(state.certificateFile());
    collector.askRenewal = true;
    tick();
    pipeline.deliver();
    assertThat(collector.renewals.get()).isEqualTo(1);
    assertThat(state.readText(state.certificateFile())).isNotEqualTo(before);
    tick();
    assertThat(pipeline.deliver()).isInstanceOf(DeliveryOutcome.Drained.class);
    assertThat(collector.sequences(device)).containsExactly(1L, 2L);
  }

  @Test
  void certificateExpiringWithinAWeek_isRenewedWithoutBeingAsked() throws Exception {
    clock.set(Instant.now().plus(Duration.ofDays(25)));
    pipeline.observe();
    pipeline.deliver();
    assertThat(collector.renewals.get()).isEqualTo(1);
  }

  @Test
  void sequencesSurviveARestart() {
    tick();
    pipeline.deliver();
    pipeline.close();
    pipeline = new ReportingPipeline("test", probes, clock, state, AgentConfig.defaults(collector.address(), dir),
        connection, TestFiller.FACTORY, new LinkTiming.Measured());
    tick();
    pipeline.deliver();
    assertThat(collector.sequences(device)).containsExactly(1L, 2L);
    assertThat(collector.received.stream().map(ReportRequest::getKind))
        .as("a restarted agent starts with a full report").containsExactly(ReportKind.REPORT_KIND_FULL,
            ReportKind.REPORT_KIND_FULL);
  }
}
