package io.telltale.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.telltale.collector.config.CollectorConfig;
import io.telltale.collector.detect.Detection;
import io.telltale.collector.ingest.StoredReportListener;
import io.telltale.collector.internal.Clock;
import io.telltale.collector.store.EmbeddedPg;
import io.telltale.collector.store.TelemetryStore;
import io.telltale.proto.v1.AgentServiceGrpc;
import io.telltale.proto.v1.ReportResponse;
import io.grpc.ManagedChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two collectors on one PostgreSQL: shared ingest, single leader for fleet jobs and the detection sweep, failover. */
class MultiCollectorIT {

  @TempDir static Path dir;
  static EmbeddedPg pg;

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

  private static CollectorFixture collector(String name) throws Exception {
    return CollectorFixture.start(dir.resolve(name), Map.of(
        "TELLTALE_STORE_TYPE", "postgres",
        "TELLTALE_STORE_POSTGRES_URL", pg.jdbcUrl(),
        "TELLTALE_STORE_POSTGRES_USER", "postgres",
        "TELLTALE_PKI_DIR", dir.resolve("shared-pki").toString(),
        "TELLTALE_FLEET_LEADER_POLL_SECONDS", "1"), Clock.SYSTEM, StoredReportListener.NOOP);
  }

  @Test
  void agentsSplitAcrossTwoCollectors_everyReportStoredOnce_evenWhenResentToTheOther() throws Exception {
    try (CollectorFixture a = collector("ingest-a"); CollectorFixture b = collector("ingest-b")) {
      List<TestAgent> agents = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        agents.add((i % 2 == 0 ? a : b).enroll());
      }
      int perAgent = 15;
      for (int i = 0; i < agents.size(); i++) {
        TestAgent agent = agents.get(i);
        CollectorFixture other = i % 2 == 0 ? b : a;
        ManagedChannel toOther = TestAgent.channel(other.port(), other.collector.ca().certificate(),
            agentKey(agent), agent.certificate);
        try {
          for (long seq = 1; seq <= perAgent; seq++) {
            assertThat(agent.heartbeat(seq).getDuplicate()).isFalse();
            if (seq % 5 == 0) { // the agent missed the ack and re-sent through the other collector
              ReportResponse again = AgentServiceGrpc.newBlockingStub(toOther).withDeadlineAfter(30, TimeUnit.SECONDS)
                  .report(TestAgent.heartbeatRequest(seq));
              assertThat(again.getDuplicate()).isTrue();
            }
          }
        } finally {
          toOther.shutdownNow();
        }
      }
      for (TestAgent agent : agents) {
        assertThat(a.collector.store().queries().reportsOf(agent.deviceId, Instant.EPOCH, Instant.now().plusSeconds(60)))
            .extracting(s -> s.report().sequence()).containsExactlyInAnyOrderElementsOf(
                java.util.stream.LongStream.rangeClosed(1, perAgent).boxed().toList());
        agent.close();
      }
    }
  }

  @Test
  void fleetJob_runsOnOneCollectorAtATime_andMovesWhenTheLeaderStops() throws Exception {
    ConcurrentLinkedQueue<String> runs = new ConcurrentLinkedQueue<>();
    AtomicInteger running = new AtomicInteger();
    AtomicInteger maxRunning = new AtomicInteger();
    CollectorFixture a = collector("jobs-a");
    CollectorFixture b = collector("jobs-b");
    try {
      for (var f : List.of(Map.entry("a", a), Map.entry("b", b))) {
        f.getValue().collector.fleetJobs().schedule("test-job", Duration.ofMillis(100), () -> {
          maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
          runs.add(f.getKey());
          running.decrementAndGet();
        });
      }
      await().atMost(30, TimeUnit.SECONDS).until(() -> runs.size() >= 20);
      assertThat(a.collector.fleetJobs().isLeader() ^ b.collector.fleetJobs().isLeader()).isTrue();
      String leader = a.collector.fleetJobs().isLeader() ? "a" : "b";
      assertThat(runs).containsOnly(leader);

      CollectorFixture stopped = leader.equals("a") ? a : b;
      CollectorFixture survivor = leader.equals("a") ? b : a;
      String successor = leader.equals("a") ? "b" : "a";
      stopped.close();
      runs.clear();
      await().atMost(30, TimeUnit.SECONDS).until(() -> runs.stream().filter(successor::equals).count() >= 10);
      assertThat(survivor.collector.fleetJobs().isLeader()).isTrue();
      assertThat(runs).containsOnly(successor);
      assertThat(maxRunning.get()).isEqualTo(1);
    } finally {
      a.close();
      b.close();
    }
  }

  @Test
  void detectionSweep_runsOnOneCollectorAtATime_andMovesWhenTheLeaderStops() throws Exception {
    CollectorFixture a = collector("sweep-a");
    CollectorFixture b = collector("sweep-b");
    Detection da = sweepingDetection(a);
    Detection db = sweepingDetection(b);
    try {
      await().atMost(30, TimeUnit.SECONDS).until(() -> da.sweeps() + db.sweeps() >= 10);
      Detection leader = da.sweeps() > 0 ? da : db;
      Detection other = leader == da ? db : da;
      assertThat(other.sweeps()).isZero();
      long before = leader.sweeps();
      await().atMost(30, TimeUnit.SECONDS).until(() -> leader.sweeps() >= before + 5);
      assertThat(other.sweeps()).isZero();

      leader.close(); // gives the sweep's leadership up; the other collector takes it at its next sweep
      long last = leader.sweeps();
      await().atMost(30, TimeUnit.SECONDS).until(() -> other.sweeps() >= 5);
      assertThat(leader.sweeps()).isEqualTo(last);
    } finally {
      da.close();
      db.close();
      a.close();
      b.close();
    }
  }

  /** Detection as serve wires it over the fixture's store, sweeping every 200 ms. */
  private static Detection sweepingDetection(CollectorFixture f) throws Exception {
    CollectorConfig.Detect d = f.collector.config().detect();
    CollectorConfig.Detect fast = new CollectorConfig.Detect(d.policyFile(), d.catalogueDir(), d.ipIntelFile(),
        d.companyNetworks(), d.companyAsns(), Duration.ofMillis(200), d.queue(), d.cacheDevices());
    TelemetryStore store = f.collector.store();
    return DetectionWiring.create(fast, store, Detection.clock(Clock.SYSTEM))
        .start(store.leaderElection(Collector.DETECTION_SWEEP));
  }

  private static java.security.PrivateKey agentKey(TestAgent agent) {
    return agent.privateKey;
  }
}
