package io.telltale.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.telltale.collector.ingest.StoredReportListener;
import io.telltale.collector.internal.Clock;
import io.telltale.collector.store.EmbeddedPg;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL goes away under a reporting fleet and comes back: agents get UNAVAILABLE meanwhile, the
 * collector recovers by itself, and every report that was ever acknowledged is in the database.
 */
class PostgresOutageIT {

  @TempDir Path dir;

  @Test
  void databaseRestartUnderLoad_losesNothingAcknowledged_andIngestRecovers() throws Exception {
    int agents = 6;
    long perAgent = 60;
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    try (EmbeddedPg pg = EmbeddedPg.start(dir.resolve("pg"));
        CollectorFixture fixture = CollectorFixture.start(dir.resolve("collector"), Map.of(
            "TELLTALE_STORE_TYPE", "postgres",
            "TELLTALE_STORE_POSTGRES_URL", pg.jdbcUrl(),
            "TELLTALE_STORE_POSTGRES_USER", "postgres"), Clock.SYSTEM, StoredReportListener.NOOP)) {
      List<TestAgent> fleet = new ArrayList<>();
      for (int i = 0; i < agents; i++) {
        fleet.add(fixture.enroll());
      }
      Map<String, Set<Long>> acked = new ConcurrentHashMap<>();
      AtomicLong totalAcked = new AtomicLong();
      AtomicInteger unavailable = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(agents);
      List<Future<?>> loops = new ArrayList<>();
      for (TestAgent agent : fleet) {
        Set<Long> mine = ConcurrentHashMap.newKeySet();
        acked.put(agent.deviceId, mine);
        loops.add(pool.submit(() -> {
          long seq = 1;
          while (seq <= perAgent && System.nanoTime() < deadline) {
            try {
              agent.stub().withDeadlineAfter(10, TimeUnit.SECONDS).report(TestAgent.heartbeatRequest(seq));
              mine.add(seq);
              totalAcked.incrementAndGet();
              seq++;
            } catch (StatusRuntimeException e) { // keep the report and retry it, as the agent's spool does
              Status.Code c = e.getStatus().getCode();
              if (c == Status.Code.UNAVAILABLE || c == Status.Code.RESOURCE_EXHAUSTED
                  || c == Status.Code.DEADLINE_EXCEEDED) {
                unavailable.incrementAndGet();
              } else {
                throw e;
              }
            }
          }
          return null;
        }));
      }
      await().atMost(60, TimeUnit.SECONDS).until(() -> totalAcked.get() >= agents * 5L);
      pg.stop();
      await().atMost(60, TimeUnit.SECONDS).until(() -> unavailable.get() >= agents);
      assertThat(fixture.collector.store().check().ok()).isFalse();
      long ackedDuringOutageStart = totalAcked.get();
      pg.restart();
      for (Future<?> loop : loops) {
        loop.get(3, TimeUnit.MINUTES);
      }
      pool.shutdown();
      assertThat(fixture.collector.store().check().ok()).isTrue();
      assertThat(totalAcked.get()).isGreaterThan(ackedDuringOutageStart).isEqualTo(agents * perAgent);
      for (TestAgent agent : fleet) {
        List<Long> stored = fixture.collector.store().queries()
            .reportsOf(agent.deviceId, Instant.EPOCH, Instant.now().plusSeconds(60)).stream()
            .map(s -> s.report().sequence()).toList();
        assertThat(stored).doesNotHaveDuplicates().containsAll(acked.get(agent.deviceId));
        agent.close();
      }
    }
  }
}
