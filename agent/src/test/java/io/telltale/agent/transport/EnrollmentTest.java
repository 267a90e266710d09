package io.telltale.agent.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.telltale.agent.config.AgentState;
import io.telltale.agent.probe.OsFamily;
import io.telltale.agent.testing.TestCollector;
import io.telltale.agent.testing.TestPki;
import io.telltale.proto.v1.AgentConfig;
import com.google.protobuf.ByteString;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrollmentTest {

  @TempDir Path dir;
  TestCollector collector;
  static final Enrollment.DeviceInfo DEVICE = new Enrollment.DeviceInfo("host-1", "SER1", OsFamily.LINUX, "test");

  @BeforeEach
  void start() throws Exception {
    collector = new TestCollector().start();
    collector.config = AgentConfig.newBuilder().setVersion(3).setReportIntervalSeconds(120)
        .setIdentifierKey(ByteString.copyFrom(new byte[32])).build();
  }

  @AfterEach
  void stop() throws Exception {
    collector.close();
  }

  @Test
  void enroll_storesIdentityConfigAndKey_withTheKeyReadableByOwnerOnly() throws Exception {
    AgentState state = new AgentState(dir);
    String id = Enrollment.enrollInto(state, CollectorAddress.parse(collector.address()), collector.pki.caPem(),
        TestCollector.TOKEN, DEVICE, null);
    assertThat(state.isEnrolled()).isTrue();
    assertThat(state.deviceId()).isEqualTo(id);
    assertThat(state.remoteConfig().version()).isEqualTo(3);
    assertThat(state.remoteConfig().reportIntervalSeconds()).isEqualTo(120);
    assertThat(state.identifierKey()).hasValueSatisfying(k -> assertThat(k).hasSize(32));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.privateKeyFile())))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.identifierKeyFile())))
        .isEqualTo("rw-------");
    assertThat(state.certificateNotAfter()).isAfter(java.time.Instant.now().plusSeconds(86_400));
  }

  @Test
  void enroll_refusedToken_showsTheCollectorsReason() {
    collector.refuseTokenWith.set("token expired on 2025-01-01");
    assertThatThrownBy(() -> Enrollment.enrollInto(new AgentState(dir), CollectorAddress.parse(collector.address()),
        collector.pki.caPem(), TestCollector.TOKEN, DEVICE, null))
        .isInstanceOf(EnrollmentException.class)
        .hasMessageContaining("refused by the collector: token expired on 2025-01-01");
    assertThat(new AgentState(dir).isEnrolled()).isFalse();
  }

  @Test
  void enroll_wrongCa_saysTheTlsHandshakeFailed() {
    String otherCa = new TestPki().caPem();
    assertThatThrownBy(() -> Enrollment.enrollInto(new AgentState(dir), CollectorAddress.parse(collector.address()),
        otherCa, TestCollector.TOKEN, DEVICE, null))
        .isInstanceOf(EnrollmentException.class)
        .hasMessageContaining("TLS handshake")
        .hasMessageContaining("wrong --ca");
  }

  @Test
  void enroll_nothingListening_saysUnreachable() throws Exception {
    String address = collector.address();
    collector.stop();
    assertThatThrownBy(() -> Enrollment.enrollInto(new AgentState(dir), CollectorAddress.parse(address),
        collector.pki.caPem(), TestCollector.TOKEN, DEVICE, null))
        .isInstanceOf(EnrollmentException.class)
        .hasMessageContaining("unreachable at " + address);
  }
}
