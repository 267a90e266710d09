package io.telltale.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.telltale.agent.config.AgentConfig;
import io.telltale.agent.config.AgentState;
import io.telltale.agent.config.KeyMaterial;
import io.telltale.agent.probe.ActivityRecord;
import io.telltale.agent.probe.Observations;
import io.telltale.agent.probe.OsFamily;
import io.telltale.agent.probe.ProbeSource;
import io.telltale.agent.transport.CollectorAddress;
import io.telltale.agent.transport.CollectorConnection;
import io.telltale.agent.transport.DeliveryOutcome;
import io.telltale.agent.transport.Enrollment;
import io.telltale.agent.transport.EnrollmentException;
import io.telltale.agent.transport.LinkTiming;
import io.telltale.agent.transport.ObservationFillers;
import io.telltale.agent.transport.Reporter;
import io.telltale.agent.transport.ReportingPipeline;
import io.telltale.collector.review.JsonText;
import io.telltale.collector.review.Principal;
import io.telltale.collector.review.ReviewException;
import io.telltale.collector.review.ReviewFixture;
import io.telltale.collector.review.Role;
import io.telltale.collector.store.AuditEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Revocation end to end: the agent's real reporting path (enrollment, spool, {@link Reporter}) over mutual
 * TLS to a collector on loopback; an administrator revokes the device through the REST API; the next report
 * is refused with PERMISSION_DENIED "device revoked", the agent logs one clear line and stops, renewal is
 * refused, and the audit log has the change with its before and after.
 */
class DeviceRevocationTest {

  @TempDir Path dir;
  ReviewFixture fx;
  ReportingPipeline pipeline;
  CollectorConnection connection;
  String deviceId;
  final ListAppender<ILoggingEvent> agentLog = new ListAppender<>();
  final Logger reporterLogger = (Logger) LoggerFactory.getLogger(Reporter.class);

  /** Observes nothing: the reports carry only what the reporting path adds (sequence, timing). */
  static final class QuietProbes implements ProbeSource {
    @Override
    public Observations observe(Instant now, boolean full) {
      return new Observations(now, null, null, null, null, null, null, null, List.of());
    }

    @Override
    public ActivityRecord drainActivity(Instant now) {
      return ActivityRecord.empty(now.getEpochSecond() / 60);
    }
  }

  @BeforeEach
  void start() throws Exception {
    fx = ReviewFixture.start(dir.resolve("collector"));
    Path stateDir = Files.createDirectories(dir.resolve("agent"));
    CollectorAddress address = CollectorAddress.parse("localhost:" + fx.collector.port());
    String caPem = Files.readString(fx.collector.collector.ca().certificateFile());
    AgentState state = new AgentState(stateDir);
    deviceId = Enrollment.enrollInto(state, address, caPem, fx.collector.token(Duration.ofHours(1), 1),
        new Enrollment.DeviceInfo("lap-revoked", "SER-R", OsFamily.LINUX, "0.1.0"), null);
    connection = CollectorConnection.mutualTls(address, state.readText(state.privateKeyFile()),
        state.readText(state.certificateFile()), state.readText(state.caFile()), null, null);
    AgentConfig local = new AgentConfig(address.toString(), stateDir, Duration.ofMinutes(5),
        AgentConfig.DEFAULT_FULL_INVENTORY_INTERVAL, AgentConfig.DEFAULT_SPOOL_MAX_BYTES,
        AgentConfig.DEFAULT_CPU_LIMIT_PERMILLE, AgentConfig.DEFAULT_MEMORY_LIMIT_BYTES, List.of());
    io.telltale.agent.internal.Clock agentClock = () -> fx.clock.now().toEpochMilli();
    pipeline = new ReportingPipeline("lap-revoked", new QuietProbes(), agentClock, state, local, connection,
        ObservationFillers.factory(), new LinkTiming.Measured());
    agentLog.start();
    reporterLogger.addAppender(agentLog);
  }

  @AfterEach
  void stop() {
    reporterLogger.detachAppender(agentLog);
    if (pipeline != null) {
      pipeline.close();
    }
    if (connection != null) {
      connection.close();
    }
    if (fx != null) {
      fx.close();
    }
  }

  private int stored() {
    return fx.store().queries().reportsOf(deviceId, Instant.EPOCH, fx.clock.now().plusSeconds(3600)).size();
  }

  @Test
  void revokedThroughTheApi_nextReportIsRefused_agentLogsOnceAndStops_renewalIsRefused() throws Exception {
    pipeline.observe();
    assertThat(pipeline.deliver()).isInstanceOf(DeliveryOutcome.Drained.class);
    assertThat(stored()).isEqualTo(1);

    var r = fx.client(Role.ADMIN).postJson("/devices/" + deviceId + "/revoke", "{}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode revoked = JsonText.MAPPER.readTree(r.body());
    assertThat(revoked.path("deviceId").asText()).isEqualTo(deviceId);
    assertThat(revoked.path("hostname").asText()).isEqualTo("lap-revoked");
    assertThat(revoked.path("revokedAt").asText()).isEqualTo(fx.clock.now().toString());

    // Effective at once on this collector: the authentication cache forgets the device.
    pipeline.observe();
    DeliveryOutcome outcome = pipeline.deliver();
    assertThat(outcome).isInstanceOfSatisfying(DeliveryOutcome.Revoked.class,
        o -> assertThat(o.reason()).isEqualTo("device revoked"));
    assertThat(pipeline.revoked()).isTrue();
    assertThat(stored()).isEqualTo(1);
    // The refused report is deleted with the rest of the spool: a revoked laptop's reports will never be
    // accepted, and keeping an employee's telemetry nobody will read is what PRIVACY.md promises not to do.
    assertThat(pipeline.spool().size()).isZero();

    // Stopped: no further call, no further line.
    pipeline.observe();
    assertThat(pipeline.deliver()).isInstanceOf(DeliveryOutcome.Revoked.class);
    assertThat(agentLog.list).filteredOn(e -> e.getLevel() == Level.ERROR).singleElement().satisfies(e -> {
      assertThat(e.getFormattedMessage()).contains("lap-revoked", "refuses this device", "device revoked",
          "reporting stops");
    });

    // The certificate cannot be renewed either.
    assertThatThrownBy(() -> Enrollment.renew(connection, KeyMaterial.generate()))
        .isInstanceOf(EnrollmentException.class)
        .hasMessage("renewal refused by the collector: device revoked");

    AuditEntry entry = fx.review().audit().list(Principal.system("test"), null, "device.revoke", null, null, 0, 10)
        .stream().filter(e -> e.target().equals(deviceId)).findFirst().orElseThrow();
    assertThat(entry.actor()).startsWith("token:");
    assertThat(entry.at()).isEqualTo(fx.clock.now());
    JsonNode before = JsonText.MAPPER.readTree(entry.before());
    JsonNode after = JsonText.MAPPER.readTree(entry.after());
    assertThat(before.path("revoked").asBoolean()).isFalse();
    assertThat(after.path("revoked").asBoolean()).isTrue();
    assertThat(after.path("revokedAt").asText()).isEqualTo(fx.clock.now().toString());
    assertThat(before.path("certSerial").asText()).isNotBlank().isEqualTo(after.path("certSerial").asText());
  }

  @Test
  void revokingTwice_isAConflict_andUnknownDevicesAreNotFound() {
    Principal admin = Principal.system("test");
    fx.review().revocation().revoke(admin, deviceId);
    assertThatThrownBy(() -> fx.review().revocation().revoke(admin, deviceId))
        .isInstanceOfSatisfying(ReviewException.class,
            e -> assertThat(e.kind()).isEqualTo(ReviewException.Kind.CONFLICT));
    assertThatThrownBy(() -> fx.review().revocation().revoke(admin, "no-such-device"))
        .isInstanceOfSatisfying(ReviewException.class,
            e -> assertThat(e.kind()).isEqualTo(ReviewException.Kind.NOT_FOUND));
    Principal analyst = new Principal("analyst-user", Role.ANALYST, Principal.Via.SESSION, "", "");
    assertThatThrownBy(() -> fx.review().revocation().revoke(analyst, deviceId))
        .isInstanceOfSatisfying(ReviewException.class,
            e -> assertThat(e.kind()).isEqualTo(ReviewException.Kind.FORBIDDEN));
  }
}
