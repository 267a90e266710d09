package io.telltale.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.telltale.collector.CollectorFixture;
import io.telltale.collector.TestAgent;
import io.telltale.collector.internal.Clock;
import io.telltale.collector.model.DeviceReport;
import io.telltale.collector.pki.CertificateAuthority;
import io.telltale.collector.pki.Certificates;
import io.telltale.collector.pki.EnrollmentTokens;
import io.telltale.collector.store.EnrollmentToken;
import io.telltale.collector.store.StoredReport;
import io.telltale.proto.v1.AgentServiceGrpc;
import io.telltale.proto.v1.PrivacyMode;
import io.telltale.proto.v1.RenewRequest;
import io.telltale.proto.v1.RenewResponse;
import io.telltale.proto.v1.ReportKind;
import io.telltale.proto.v1.ReportRequest;
import io.telltale.proto.v1.ReportBatchRequest;
import io.telltale.proto.v1.ReportBatchResponse;
import io.telltale.proto.v1.ReportResponse;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AgentService end to end: real TLS, real grpc-java client, production wiring, SQLite. */
class AgentServiceTest {

  @TempDir static Path dir;
  static CollectorFixture fixture;
  static final List<DeviceReport> handedOff = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    fixture = CollectorFixture.start(dir.resolve("collector"), Map.of(), Clock.SYSTEM, handedOff::add);
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  private static List<StoredReport> storedOf(String deviceId) {
    return fixture.collector.store().queries().reportsOf(deviceId, Instant.EPOCH, Instant.now().plusSeconds(60));
  }

  /** A token stored directly, so tests control its state. */
  private static String tokenWith(Instant expiresAt, int maxUses, int uses) {
    String secret = "ttk_" + java.util.UUID.randomUUID().toString().replace("-", "") + "abcdefghijk";
    fixture.collector.store().tokens().create(new EnrollmentToken(secret.substring(4, 14), EnrollmentTokens.hash(secret),
        Instant.now().minusSeconds(3600), expiresAt, maxUses, uses, null));
    return secret;
  }

  @Test
  void enrollThenReport_isStoredUnderTheCertificatesDeviceId_andAckedAfterwards() throws Exception {
    try (TestAgent agent = fixture.enroll()) {
      assertThat(Certificates.commonName(agent.certificate)).isEqualTo(agent.deviceId);
      ReportResponse r = agent.heartbeat(1);
      assertThat(r.getAcknowledgedSequence()).isEqualTo(1);
      assertThat(r.getDuplicate()).isFalse();
      assertThat(r.getServerTimeMs()).isPositive();
      assertThat(r.getNextReportDelayMs()).isBetween(150_000, 300_000 + 150_000);
      assertThat(r.getConfig().getPrivacyMode()).isEqualTo(PrivacyMode.PRIVACY_MODE_HASHED);
      assertThat(r.getConfig().getIdentifierKey().size()).isEqualTo(32);
      assertThat(r.getConfigVersion()).isEqualTo(r.getConfig().getVersion()).isPositive();
      assertThat(r.getRenewCertificate()).isFalse();
      List<StoredReport> stored = storedOf(agent.deviceId);
      assertThat(stored).singleElement().satisfies(s -> {
        assertThat(s.report().deviceId()).isEqualTo(agent.deviceId);
        assertThat(s.report().publicIp()).isEqualTo("127.0.0.1");
        assertThat(s.report().activity().minutes()).hasSize(1);
      });
      await().atMost(10, TimeUnit.SECONDS)
          .until(() -> handedOff.stream().anyMatch(h -> h.deviceId().equals(agent.deviceId)));
    }
  }

  @Test
  void report_withCurrentConfigVersion_getsNoConfig() throws Exception {
    try (TestAgent agent = fixture.enroll()) {
      long version = agent.heartbeat(1).getConfigVersion();
      ReportResponse r = agent.stub().report(TestAgent.heartbeatRequest(2).toBuilder().setConfigVersion(version).build());
      assertThat(r.hasConfig()).isFalse();
      assertThat(r.getConfigVersion()).isEqualTo(version);
    }
  }

  @Test
  void report_sameSequenceTwice_isAckedTwiceAndStoredOnce() throws Exception {
    try (TestAgent agent = fixture.enroll()) {
      ReportRequest req = TestAgent.heartbeatRequest(7);
      assertThat(agent.stub().report(req).getDuplicate()).isFalse();
      ReportResponse again = agent.stub().report(req);
      assertThat(again.getDuplicate()).isTrue();
      assertThat(again.getAcknowledgedSequence()).isEqualTo(7);
      assertThat(storedOf(agent.deviceId)).hasSize(1);
    }
  }

  @Test
  void report_withoutClientCertificate_isUnauthenticated() throws Exception {
    ManagedChannel anonymous = TestAgent.channel(fixture.port(), fixture.collector.ca().certificate(), null, null);
    try {
      StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
          () -> AgentServiceGrpc.newBlockingStub(anonymous).report(TestAgent.heartbeatRequest(1)));
      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    } finally {
      anonymous.shutdownNow();
    }
  }

  @Test
  void certificateFromAnotherCa_namingARealDevice_cannotReportAsIt(@TempDir Path otherCaDir) throws Exception {
    try (TestAgent victim = fixture.enroll()) {
      CertificateAuthority rogue = CertificateAuthority.loadOrCreate(otherCaDir, Clock.SYSTEM);
      KeyPair kp = TestAgent.keyPair();
      X509Certificate forged = rogue.issueClientCertificate(victim.deviceId, kp.getPublic(), Duration.ofDays(1));
      ManagedChannel ch = TestAgent.channel(fixture.port(), fixture.collector.ca().certificate(), kp.getPrivate(), forged);
      try {
        StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
            () -> AgentServiceGrpc.newBlockingStub(ch).withDeadlineAfter(30, TimeUnit.SECONDS)
                .report(TestAgent.heartbeatRequest(1)));
        // The server asks only for certificates issued by our CA, so the client offers none (UNAUTHENTICATED);
        // a client that sent it anyway would fail the handshake (UNAVAILABLE). Never accepted as the victim.
        assertThat(e.getStatus().getCode())
            .isIn(Status.Code.UNAUTHENTICATED, Status.Code.UNAVAILABLE, Status.Code.PERMISSION_DENIED);
      } finally {
        ch.shutdownNow();
      }
      assertThat(storedOf(victim.deviceId)).isEmpty();
    }
  }

  @Test
  void revokedDevice_isPermissionDenied() throws Exception {
    try (TestAgent agent = fixture.enroll()) {
      agent.heartbeat(1);
      assertThat(fixture.collector.store().devices().revoke(agent.deviceId, Instant.now())).isTrue();
      fixture.collector.authenticator().invalidate(agent.deviceId);
      StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () -> agent.heartbeat(2));
      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
      assertThat(e.getStatus().getDescription()).isEqualTo("device revoked");
      assertThat(storedOf(agent.deviceId)).hasSize(1);
    }
  }

  @Test
  void enroll_withExpiredToken_isRefusedSayingWhen() {
    Instant expiry = Instant.now().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    String token = tokenWith(expiry, 5, 0);
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
        () -> TestAgent.enroll(fixture.port(), fixture.collector.ca().certificate(), token));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(e.getStatus().getDescription()).isEqualTo("enrollment token expired at " + expiry);
  }

  @Test
  void enroll_withUsedUpToken_isRefusedWithTheCount() throws Exception {
    String token = tokenWith(Instant.now().plusSeconds(3600), 2, 1);
    TestAgent.enroll(fixture.port(), fixture.collector.ca().certificate(), token).close();
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
        () -> TestAgent.enroll(fixture.port(), fixture.collector.ca().certificate(), token));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(e.getStatus().getDescription()).isEqualTo("enrollment token used up (2/2)");
  }

  @Test
  void enroll_withMalformedCsr_isInvalidArgument_andConsumesNothing() throws Exception {
    String token = tokenWith(Instant.now().plusSeconds(3600), 1, 0);
    ManagedChannel anonymous = TestAgent.channel(fixture.port(), fixture.collector.ca().certificate(), null, null);
    try {
      StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
          () -> AgentServiceGrpc.newBlockingStub(anonymous).enroll(TestAgent.enrollRequest(token, new byte[] {1, 2, 3})));
      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(e.getStatus().getDescription()).startsWith("csr_der: ");
      StatusRuntimeException badToken = catchThrowableOfType(StatusRuntimeException.class,
          () -> AgentServiceGrpc.newBlockingStub(anonymous).enroll(TestAgent.enrollRequest("nope", new byte[] {1})));
      assertThat(badToken.getStatus().getDescription()).startsWith("token: malformed").doesNotContain("nope");
    } finally {
      anonymous.shutdownNow();
    }
    // The single use is still there.
    TestAgent.enroll(fixture.port(), fixture.collector.ca().certificate(), token).close();
  }

  @Test
  void reportBatch_storesEachOnce_acksEachInOrder_andSendsTheConfigOnce() throws Exception {
    try (TestAgent agent = fixture.enroll()) {
      agent.heartbeat(2);
      ReportBatchResponse r = agent.stub().reportBatch(ReportBatchRequest.newBuilder()
          .addReports(TestAgent.heartbeatRequest(1)).addReports(TestAgent.heartbeatRequest(2))
          .addReports(TestAgent.heartbeatRequest(3)).build());
      assertThat(r.getResponsesList()).extracting(ReportResponse::getAcknowledgedSequence).containsExactly(1L, 2L, 3L);
      assertThat(r.getResponsesList()).extracting(ReportResponse::getDuplicate).containsExactly(false, true, false);
      assertThat(r.getResponsesList()).extracting(ReportResponse::hasConfig).containsExactly(false, false, true);
      assertThat(storedOf(agent.deviceId)).extracting(s -> s.report().sequence()).containsExactlyInAnyOrder(1L, 2L, 3L);
      await().atMost(10, TimeUnit.SECONDS).until(() -> handedOff.stream()
          .filter(h -> h.deviceId().equals(agent.deviceId)).count() == 3);
    }
  }

  @Test
  void reportBatch_malformedOrOutOfOrder_isRefusedWhole_namingTheReport() throws Exception {
    try (TestAgent agent = fixture.enroll()) {
      StatusRuntimeException order = catchThrowableOfType(StatusRuntimeException.class,
          () -> agent.stub().reportBatch(ReportBatchRequest.newBuilder().addReports(TestAgent.heartbeatRequest(2))
              .addReports(TestAgent.heartbeatRequest(2)).build()));
      assertThat(order.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(order.getStatus().getDescription())
          .isEqualTo("report 1: sequence 2 after 2 (expected: strictly increasing)");
      StatusRuntimeException bad = catchThrowableOfType(StatusRuntimeException.class,
          () -> agent.stub().reportBatch(ReportBatchRequest.newBuilder().addReports(TestAgent.heartbeatRequest(1))
              .addReports(TestAgent.heartbeatRequest(0)).build()));
      assertThat(bad.getStatus().getDescription()).isEqualTo("report 1: sequence: 0 (expected: >= 1)");
      StatusRuntimeException empty = catchThrowableOfType(StatusRuntimeException.class,
          () -> agent.stub().reportBatch(ReportBatchRequest.getDefaultInstance()));
      assertThat(empty.getStatus().getDescription()).isEqualTo("batch of 0 reports (expected: 1 to 256)");
      assertThat(storedOf(agent.deviceId)).isEmpty();
    }
  }

  @Test
  void report_malformed_isInvalidArgumentWithTheReason_andNothingIsStored() throws Exception {
    try (TestAgent agent = fixture.enroll()) {
      StatusRuntimeException zero = catchThrowableOfType(StatusRuntimeException.class,
          () -> agent.stub().report(TestAgent.heartbeatRequest(0)));
      assertThat(zero.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(zero.getStatus().getDescription()).isEqualTo("sequence: 0 (expected: >= 1)");
      StatusRuntimeException kind = catchThrowableOfType(StatusRuntimeException.class,
          () -> agent.stub().report(TestAgent.heartbeatRequest(1).toBuilder()
              .setKind(ReportKind.REPORT_KIND_UNSPECIFIED).build()));
      assertThat(kind.getStatus().getDescription())
          .isEqualTo("kind: REPORT_KIND_UNSPECIFIED (expected: FULL or HEARTBEAT)");
      StatusRuntimeException minute = catchThrowableOfType(StatusRuntimeException.class,
          () -> agent.stub().report(TestAgent.heartbeatRequest(1).toBuilder()
              .setActivity(TestAgent.heartbeatRequest(1).getActivity().toBuilder().setMinutesCovered(0)).build()));
      assertThat(minute.getStatus().getDescription())
          .isEqualTo("activity.minutes[0].offset: 0 (expected: increasing, < minutes_covered 0)");
      assertThat(storedOf(agent.deviceId)).isEmpty();
    }
  }

  @Test
  void renew_issuesANewCertificateForTheSameDevice() throws Exception {
    try (TestAgent agent = fixture.enroll()) {
      RenewResponse r = agent.stub().renew(RenewRequest.newBuilder()
          .setCsrDer(ByteString.copyFrom(TestAgent.csr(TestAgent.keyPair()))).build());
      X509Certificate renewed = TestAgent.certificate(r.getCertificateDer().toByteArray());
      assertThat(Certificates.commonName(renewed)).isEqualTo(agent.deviceId);
      assertThat(renewed.getSerialNumber()).isNotEqualTo(agent.certificate.getSerialNumber());
      assertThat(fixture.collector.store().devices().find(agent.deviceId).orElseThrow().certSerial())
          .isEqualTo(renewed.getSerialNumber().toString(16));
    }
  }

  @Test
  void renew_ofADeviceRevokedElsewhere_whileStillCachedHere_isPermissionDenied_andKeepsTheOldCertificate()
      throws Exception {
    try (TestAgent agent = fixture.enroll()) {
      agent.heartbeat(1); // the device is now cached here as not revoked
      String serialBefore = fixture.collector.store().devices().find(agent.deviceId).orElseThrow().certSerial();
      // Revoked by another collector sharing the store: this one's cache does not know yet.
      assertThat(fixture.collector.store().devices().revoke(agent.deviceId, Instant.now())).isTrue();
      StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
          () -> agent.stub().renew(RenewRequest.newBuilder()
              .setCsrDer(ByteString.copyFrom(TestAgent.csr(TestAgent.keyPair()))).build()));
      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
      assertThat(e.getStatus().getDescription()).isEqualTo("device revoked");
      assertThat(fixture.collector.store().devices().find(agent.deviceId).orElseThrow().certSerial())
          .isEqualTo(serialBefore);
      // The refused renewal also told this collector: reports are refused from now on, not after the cache time.
      StatusRuntimeException report = catchThrowableOfType(StatusRuntimeException.class, () -> agent.heartbeat(2));
      assertThat(report.getStatus().getDescription()).isEqualTo("device revoked");
    }
  }

  @Test
  void forwardedFor_fromAnUntrustedPeer_isIgnored() throws Exception {
    try (TestAgent agent = fixture.enroll()) {
      Metadata headers = new Metadata();
      headers.put(Metadata.Key.of("x-forwarded-for", Metadata.ASCII_STRING_MARSHALLER), "198.51.100.9");
      agent.stub().withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
          .report(TestAgent.heartbeatRequest(1));
      assertThat(storedOf(agent.deviceId)).singleElement()
          .satisfies(s -> assertThat(s.report().publicIp()).isEqualTo("127.0.0.1"));
    }
  }
}
