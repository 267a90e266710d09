package io.telltale.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.grpc.Status;
import io.telltale.agent.config.AgentConfig;
import io.telltale.agent.config.AgentState;
import io.telltale.agent.internal.Clock;
import io.telltale.agent.probe.OsFamily;
import io.telltale.agent.testing.FakeProbeSource;
import io.telltale.agent.testing.TestCollector;
import io.telltale.agent.testing.TestFiller;
import io.telltale.agent.transport.CollectorAddress;
import io.telltale.agent.transport.Enrollment;
import io.telltale.agent.transport.Reporter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The running agent, refused by the collector as revoked: one clear ERROR line, then it stops for good. */
class AgentRevocationTest {

  @TempDir Path dir;

  @Test
  void collectorSaysRevoked_agentLogsOneLine_stopsItsLoop_andExitsZero() throws Exception {
    Logger reporterLog = (Logger) LoggerFactory.getLogger(Reporter.class);
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    reporterLog.addAppender(lines);
    try (TestCollector collector = new TestCollector().start()) {
      Enrollment.enrollInto(new AgentState(dir), CollectorAddress.parse(collector.address()), collector.pki.caPem(),
          TestCollector.TOKEN, new Enrollment.DeviceInfo("lap-9", "S9", OsFamily.LINUX, "t"), null);
      collector.failNext.add(Status.PERMISSION_DENIED.withDescription("device revoked"));
      Agent agent = Agent.create(AgentConfig.defaults(collector.address(), dir), new FakeProbeSource(),
          TestFiller.FACTORY, Clock.system());
      try {
        agent.start();
        int exit = CompletableFuture.supplyAsync(() -> {
          try {
            return agent.awaitStop();
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        }).get(60, TimeUnit.SECONDS);
        assertThat(exit).isZero(); // a service manager restarting on failure leaves it stopped
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
            .untilAsserted(() -> assertThat(collector.received).as("nothing sent after the refusal").isEmpty());
      } finally {
        agent.close();
      }
    } finally {
      reporterLog.detachAppender(lines);
    }
    assertThat(lines.list).filteredOn(e -> e.getLevel() == Level.ERROR).singleElement()
        .satisfies(e -> assertThat(e.getFormattedMessage())
            .contains("refuses this device", "device revoked", "reporting stops", "Re-enroll"));
  }
}
