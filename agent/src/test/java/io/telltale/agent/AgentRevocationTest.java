package io.telltale.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.grpc.Status;
import io.telltale.agent.config.AgentConfig;
import io.telltale.agent.config.AgentState;
import io.telltale.agent.config.Revocation;
import io.telltale.agent.internal.Clock;
import io.telltale.agent.probe.OsFamily;
import io.telltale.agent.testing.FakeProbeSource;
import io.telltale.agent.testing.TestCollector;
import io.telltale.agent.testing.TestFiller;
import io.telltale.agent.transport.CollectorAddress;
import io.telltale.agent.transport.Enrollment;
import io.telltale.agent.transport.Reporter;
import io.telltale.agent.transport.ReportingPipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The running agent, refused by the collector as revoked: one clear ERROR line, the revocation recorded in the
 * state directory and the spool deleted, then it stays stopped across restarts until the device enrolls again.
 */
class AgentRevocationTest {

  @TempDir Path dir;
  TestCollector collector;
  AgentState state;
  String device;
  final Logger agentLog = (Logger) LoggerFactory.getLogger("io.telltale.agent");
  final ListAppender<ILoggingEvent> lines = new ListAppender<>();

  @BeforeEach
  void setUp() throws Exception {
    lines.start();
    agentLog.addAppender(lines);
    collector = new TestCollector().start();
    state = new AgentState(dir);
    device = Enrollment.enrollInto(state, CollectorAddress.parse(collector.address()), collector.pki.caPem(),
        TestCollector.TOKEN, new Enrollment.DeviceInfo("lap-9", "S9", OsFamily.LINUX, "t"), null);
  }

  @AfterEach
  void tearDown() throws Exception {
    agentLog.detachAppender(lines);
    collector.close();
  }

  @Test
  void collectorSaysRevoked_agentLogsOneLine_recordsIt_deletesTheSpool_andExitsZero() throws Exception {
    Instant before = Instant.now();
    collector.failNext.add(Status.PERMISSION_DENIED.withDescription("device revoked"));
    Agent agent = Agent.create(AgentConfig.defaults(collector.address(), dir), new FakeProbeSource(),
        TestFiller.FACTORY, Clock.system());
    try {
      agent.start();
      assertThat(awaitStop(agent)).isZero(); // a service manager restarting on failure leaves it stopped
      await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
          .untilAsserted(() -> assertThat(collector.received).as("nothing sent after the refusal").isEmpty());
    } finally {
      agent.close();
    }

    assertThat(logged(Reporter.class, Level.ERROR)).singleElement().asString()
        .contains("refuses this device", "device revoked", "reporting stops", "Re-enroll");
    Revocation r = state.revocation().orElseThrow(() -> new AssertionError(
        "expected a revocation recorded in " + state.revocationFile()));
    assertThat(r.deviceId()).isEqualTo(device);
    assertThat(r.reason()).isEqualTo("device revoked");
    assertThat(r.collector()).isEqualTo(collector.address());
    assertThat(r.at()).isBetween(before, Instant.now());
    assertThat(state.spoolDir()).as("the spool of a revoked device, reports never to be accepted").doesNotExist();
    assertThat(logged(ReportingPipeline.class, Level.INFO)).singleElement().asString()
        .contains("revocation recorded in " + state.revocationFile(), "deleted the spool (1 reports");
  }

  @Test
  void agentStartedAgain_onARevokedDevice_observesNothing_connectsNowhere_andExitsZeroSayingWhy() throws Exception {
    Revocation r = revokeThroughTheCollector();
    int callsBefore = collector.calls.get();
    FakeProbeSource probes = new FakeProbeSource();

    Agent agent = Agent.create(AgentConfig.defaults(collector.address(), dir), probes, TestFiller.FACTORY,
        Clock.system());
    try {
      agent.start();
      assertThat(awaitStop(agent)).isZero();
      await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
          .untilAsserted(() -> assertThat(collector.calls.get()).as("calls to the collector").isEqualTo(callsBefore));
    } finally {
      agent.close();
    }

    assertThat(probes.observations.get()).as("observations of a revoked device").isZero();
    assertThat(state.spoolDir()).doesNotExist();
    assertThat(logged(RevokedDevice.class, Level.WARN)).singleElement().asString()
        .contains(device, "revoked by the collector " + collector.address(), "at " + r.at(), "device revoked",
            "nothing is collected or sent", "enroll again", "telltale-agent enroll");
  }

  @Test
  void runCommand_onARevokedDevice_exitsZeroAtOnce_andDeletesASpoolLeftBehind() throws Exception {
    revokeThroughTheCollector();
    // As after a crash between recording the revocation and deleting the spool.
    Files.createDirectories(state.spoolDir().resolve("rejected"));
    Files.write(state.spoolDir().resolve("spool.tape"), new byte[64]);
    Files.write(state.spoolDir().resolve("rejected").resolve("7.pb"), new byte[8]);
    Path config = Files.writeString(dir.resolve("agent.yml"),
        "collector:\n  address: \"" + collector.address() + "\"\nstate_dir: \"" + dir + "\"\n");
    int callsBefore = collector.calls.get();

    assertThat(AgentMain.run("run", "--config", config.toString())).isZero();

    assertThat(collector.calls.get()).as("calls to the collector").isEqualTo(callsBefore);
    assertThat(state.spoolDir()).doesNotExist();
    assertThat(state.revocation()).as("still revoked").isPresent();
    assertThat(logged(RevokedDevice.class, Level.WARN)).singleElement().asString()
        .contains("revoked by the collector", "nothing is collected or sent", "enroll again");
  }

  @Test
  void enrollingAgain_withoutForce_liftsTheRevocation_andTheAgentReportsAgain() throws Exception {
    revokeThroughTheCollector();
    Path ca = Files.writeString(dir.resolve("collector-ca.pem"), collector.pki.caPem());

    assertThat(AgentMain.run("enroll", "--collector", collector.address(), "--token", TestCollector.TOKEN,
        "--ca", ca.toString(), "--state-dir", dir.toString())).isZero();

    assertThat(state.revocation()).as("revocation after a new enrollment").isEmpty();
    assertThat(state.revocationFile()).doesNotExist();
    String fresh = state.deviceId();
    assertThat(fresh).isNotEqualTo(device);
    Agent agent = Agent.create(AgentConfig.defaults(collector.address(), dir), new FakeProbeSource(),
        TestFiller.FACTORY, Clock.system());
    try {
      agent.start();
      await().atMost(Duration.ofSeconds(30)).until(() -> !collector.sequences(fresh).isEmpty());
    } finally {
      // The next cycle is 5 minutes ahead: stopping drops it instead of waiting for it (the close timeout
      // is 30 s; systemd's stop timeout too). A bound far above a normal stop, far below the old wait.
      assertTimeoutPreemptively(Duration.ofSeconds(20), agent::close);
    }
  }

  /** Runs an agent that the collector refuses as revoked, until it stops; returns what it recorded. */
  private Revocation revokeThroughTheCollector() throws Exception {
    collector.failNext.add(Status.PERMISSION_DENIED.withDescription("device revoked"));
    Agent agent = Agent.create(AgentConfig.defaults(collector.address(), dir), new FakeProbeSource(),
        TestFiller.FACTORY, Clock.system());
    try {
      agent.start();
      assertThat(awaitStop(agent)).isZero();
    } finally {
      agent.close();
    }
    lines.list.clear();
    return state.revocation().orElseThrow(() -> new AssertionError(
        "expected a revocation recorded in " + state.revocationFile()));
  }

  private static int awaitStop(Agent agent) throws Exception {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return agent.awaitStop();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }).get(60, TimeUnit.SECONDS);
  }

  /** Formatted messages logged by {@code source} at {@code level}. */
  private List<String> logged(Class<?> source, Level level) {
    return lines.list.stream()
        .filter(e -> e.getLoggerName().equals(source.getName()) && e.getLevel() == level)
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }
}
