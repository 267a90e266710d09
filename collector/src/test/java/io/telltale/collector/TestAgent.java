package io.telltale.collector;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.telltale.proto.v1.AgentServiceGrpc;
import io.telltale.proto.v1.EnrollRequest;
import io.telltale.proto.v1.EnrollResponse;
import io.telltale.proto.v1.OsFamily;
import io.telltale.proto.v1.ReportKind;
import io.telltale.proto.v1.ReportRequest;
import io.telltale.proto.v1.ReportResponse;
import com.google.protobuf.ByteString;
import java.io.ByteArrayInputStream;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.concurrent.TimeUnit;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.jspecify.annotations.Nullable;

/**
 * A minimal agent for tests and benchmarks: real key pair, real CSR, real grpc-java client over TLS
 * (grpc-netty-shaded), talking to the collector on loopback.
 */
public final class TestAgent implements AutoCloseable {

  public final String deviceId;
  public final X509Certificate certificate;
  public final PrivateKey privateKey;
  public final ManagedChannel channel;
  public final AgentServiceGrpc.AgentServiceBlockingStub stub;

  private TestAgent(String deviceId, X509Certificate certificate, PrivateKey privateKey, ManagedChannel channel) {
    this.deviceId = deviceId;
    this.certificate = certificate;
    this.privateKey = privateKey;
    this.channel = channel;
    this.stub = AgentServiceGrpc.newBlockingStub(channel);
  }

  /** Enrolls a new device with {@code token} and returns it connected with its client certificate. */
  public static TestAgent enroll(int port, X509Certificate ca, String token) throws Exception {
    KeyPair kp = keyPair();
    ManagedChannel anonymous = channel(port, ca, null, null);
    try {
      EnrollResponse r = AgentServiceGrpc.newBlockingStub(anonymous).withDeadlineAfter(30, TimeUnit.SECONDS)
          .enroll(enrollRequest(token, csr(kp)));
      X509Certificate cert = certificate(r.getCertificateDer().toByteArray());
      return new TestAgent(r.getDeviceId(), cert, kp.getPrivate(), channel(port, ca, kp.getPrivate(), cert));
    } finally {
      anonymous.shutdownNow();
    }
  }

  /** The same device (certificate and key) connected to another collector, or to a restarted one. */
  public static TestAgent reconnect(TestAgent agent, int port, X509Certificate ca) throws Exception {
    return new TestAgent(agent.deviceId, agent.certificate, agent.privateKey,
        channel(port, ca, agent.privateKey, agent.certificate));
  }

  public static EnrollRequest enrollRequest(String token, byte[] csr) {
    return EnrollRequest.newBuilder().setToken(token).setCsrDer(ByteString.copyFrom(csr)).setHostname("test-laptop")
        .setHardwareSerial("PF3ABC12").setOsFamily(OsFamily.OS_FAMILY_LINUX).setAgentVersion("0.1.0").build();
  }

  public AgentServiceGrpc.AgentServiceBlockingStub stub() {
    return stub.withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  public ReportResponse heartbeat(long sequence) {
    return stub().report(heartbeatRequest(sequence));
  }

  public static ReportRequest heartbeatRequest(long sequence) {
    long now = System.currentTimeMillis();
    return ReportRequest.newBuilder().setSequence(sequence).setKind(ReportKind.REPORT_KIND_HEARTBEAT)
        .setObservedAtMs(now).setSentAtMs(now).setAgentVersion("0.1.0")
        .setActivity(io.telltale.proto.v1.ActivityRecord.newBuilder().setFirstMinute(now / 60_000 - 1)
            .setMinutesCovered(1)
            .addMinutes(io.telltale.proto.v1.ActivityMinute.newBuilder().setOffset(0).setLocalEvents(42)))
        .build();
  }

  public static ManagedChannel channel(int port, X509Certificate ca, @Nullable PrivateKey key,
      @Nullable X509Certificate cert) throws Exception {
    SslContextBuilder ssl = GrpcSslContexts.forClient().trustManager(ca);
    if (key != null && cert != null) {
      ssl.keyManager(key, cert);
    }
    return NettyChannelBuilder.forAddress("127.0.0.1", port).sslContext(ssl.build()).build();
  }

  public static KeyPair keyPair() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }

  public static byte[] csr(KeyPair kp) throws Exception {
    return new JcaPKCS10CertificationRequestBuilder(new X500Principal("CN=ignored"), kp.getPublic())
        .build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate())).getEncoded();
  }

  public static X509Certificate certificate(byte[] der) throws Exception {
    return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
  }

  @Override
  public void close() {
    channel.shutdownNow();
  }
}
