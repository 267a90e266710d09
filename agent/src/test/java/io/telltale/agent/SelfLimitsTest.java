package io.telltale.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.telltale.agent.config.AgentConfig;
import io.telltale.agent.config.AgentState;
import io.telltale.agent.internal.ManualClock;
import io.telltale.agent.probe.OsFamily;
import io.telltale.agent.testing.FakeProbeSource;
import io.telltale.agent.testing.TestCollector;
import io.telltale.agent.testing.TestFiller;
import io.telltale.agent.transport.CollectorAddress;
import io.telltale.agent.transport.CollectorConnection;
import io.telltale.agent.transport.Enrollment;
import io.telltale.agent.transport.LinkTiming;
import io.telltale.agent.transport.ReportingPipeline;
import io.telltale.proto.v1.ReportRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watchdog against a real pipeline and collector, with the process's own CPU and memory faked. */
class SelfLimitsTest {

  // Budgets of the test agent: 10 % of a core, 100 MB resident.
  private static final int CPU_PERMILLE = 100;
  private static final long MEMORY_BYTES = 100_000_000;

  @TempDir Path dir;
  TestCollector collector;
  ManualClock clock = new ManualClock(Instant.parse("2025-04-14T08:00:00Z"));
  FakeProbeSource probes = new FakeProbeSource();
  CollectorConnection connection;
  ReportingPipeline pipeline;
  CountDownLatch stopped = new CountDownLatch(1);
  FakeMeter meter = new FakeMeter();
  SelfLimits limits;

  @BeforeEach
  void setUp() throws Exception {
    collector = new TestCollector().start();
    AgentState state = new AgentState(dir);
    Enrollment.enrollInto(state, CollectorAddress.parse(collector.address()), collector.pki.caPem(),
        TestCollector.TOKEN, new Enrollment.DeviceInfo("h", "s", OsFamily.LINUX, "t"), null);
    connection = CollectorConnection.mutualTls(CollectorAddress.parse(collector.address()),
        state.readText(state.privateKeyFile()), state.readText(state.certificateFile()),
        state.readText(state.caFile()), null, null);
    AgentConfig config = new AgentConfig(collector.address(), dir, AgentConfig.DEFAULT_REPORT_INTERVAL,
        AgentConfig.DEFAULT_FULL_INVENTORY_INTERVAL, AgentConfig.DEFAULT_SPOOL_MAX_BYTES, CPU_PERMILLE,
        MEMORY_BYTES, List.of());
    pipeline = new ReportingPipeline("test", probes, clock, state, config, connection, TestFiller.FACTORY,
        new LinkTiming.Measured());
    limits = new SelfLimits("test", pipeline, clock, stopped, meter);
  }

  @AfterEach
  void tearDown() throws Exception {
    pipeline.close();
    connection.close();
    collector.close();
  }

  /** One watchdog period: the clock moves on, the process used {@code cpuPermille} of a core meanwhile. */
  private void sample(int cpuPermille) throws Exception {
    clock.advance(Duration.ofSeconds(SelfLimits.PERIOD_S));
    meter.cpuNanos += SelfLimits.PERIOD_S * 1_000_000_000L * cpuPermille / 1000;
    limits.runOnce();
  }

  private ReportRequest observeAndDeliver() {
    clock.advance(Duration.ofMinutes(5));
    pipeline.observe();
    pipeline.deliver();
    return collector.received.stream().reduce((a, b) -> b).orElseThrow();
  }

  @Test
  void withinBudget_changesNothing() throws Exception {
    meter.residentBytes = MEMORY_BYTES / 2;
    for (int i = 0; i < 60; i++) {
      sample(CPU_PERMILLE / 2);
    }

    assertThat(probes.enabled).contains("software", "hardware");
    assertThat(stopped.getCount()).isEqualTo(1);
    assertThat(limits.exitCode()).isZero();
  }

  @Test
  void memoryOverBudget_shedsTheExpensiveProbesFirst_thenExitsForARestartIfStillOver() throws Exception {
    assertThat(observeAndDeliver().hasSoftware()).isTrue();
    meter.residentBytes = MEMORY_BYTES + 1;

    sample(0);

    assertThat(probes.enabled).doesNotContainAnyElementsOf(SelfLimits.EXPENSIVE_PROBES).contains("network", "power");
    assertThat(stopped.getCount()).as("shedding comes before dying").isEqualTo(1);
    for (int i = 1; i < 18; i++) {
      sample(0);
    }
    assertThat(stopped.getCount()).as("three minutes of grace after shedding").isEqualTo(1);

    sample(0);

    assertThat(stopped.getCount()).isZero();
    assertThat(limits.exitCode()).isEqualTo(SelfLimits.EXIT_OVER_BUDGET);
  }

  @Test
  void cpuOverBudgetForAMinute_sheds_andBackUnderBudgetTheAgentKeepsRunningWithoutThem() throws Exception {
    meter.residentBytes = MEMORY_BYTES / 2;
    for (int i = 0; i < 5; i++) {
      sample(CPU_PERMILLE * 3);
    }
    assertThat(probes.enabled).as("less than a minute of samples").contains("software");

    sample(CPU_PERMILLE * 3);
    sample(CPU_PERMILLE * 3);

    assertThat(probes.enabled).doesNotContain("software", "hardware");
    for (int i = 0; i < 60; i++) {
      sample(CPU_PERMILLE / 10);
    }
    assertThat(stopped.getCount()).isEqualTo(1);
    assertThat(observeAndDeliver().getSessions().getSessionsCount()).as("cheap probes still report").isEqualTo(1);
  }

  private static final class FakeMeter implements SelfLimits.Meter {
    volatile long cpuNanos;
    volatile long residentBytes;

    @Override
    public long cpuNanos() {
      return cpuNanos;
    }

    @Override
    public long residentBytes() {
      return residentBytes;
    }
  }
}
