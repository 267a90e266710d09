package io.telltale.agent.transport;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.telltale.agent.config.AgentState;
import io.telltale.agent.config.KeyMaterial;
import io.telltale.agent.config.Pem;
import io.telltale.agent.config.RemoteConfig;
import io.telltale.agent.probe.OsFamily;
import io.telltale.proto.v1.AgentServiceGrpc;
import io.telltale.proto.v1.EnrollRequest;
import io.telltale.proto.v1.EnrollResponse;
import io.telltale.proto.v1.RenewRequest;
import io.telltale.proto.v1.RenewResponse;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;

/** The Enroll and Renew calls, with failures turned into messages an administrator can act on. Blocking. */
public final class Enrollment {

  /** Enrollment is interactive: 20 s is plenty for one signature and one insert, and short enough to wait for. */
  static final long DEADLINE_MS = 20_000;

  private Enrollment() {}

  /** What enrollment returned. {@code identifierKey} is empty when the collector sent none. */
  public record Enrolled(String deviceId, String certificatePem, String caChainPem, RemoteConfig config,
      byte[] identifierKey) {}

  /** Facts about the device sent with the request (informational; used to match the roster). */
  public record DeviceInfo(String hostname, String hardwareSerial, OsFamily osFamily, String agentVersion) {}

  /** Calls Enroll over {@code connection} (server-authenticated TLS) with a fresh CSR. */
  public static Enrolled enroll(CollectorConnection connection, String token, KeyMaterial key, DeviceInfo device)
      throws EnrollmentException {
    EnrollRequest request = EnrollRequest.newBuilder()
        .setToken(token)
        .setCsrDer(ByteString.copyFrom(key.csrDer()))
        .setHostname(device.hostname())
        .setHardwareSerial(device.hardwareSerial())
        .setOsFamily(switch (device.osFamily()) {
          case WINDOWS -> io.telltale.proto.v1.OsFamily.OS_FAMILY_WINDOWS;
          case MACOS -> io.telltale.proto.v1.OsFamily.OS_FAMILY_MACOS;
          case LINUX -> io.telltale.proto.v1.OsFamily.OS_FAMILY_LINUX;
          case UNKNOWN -> io.telltale.proto.v1.OsFamily.OS_FAMILY_UNSPECIFIED;
        })
        .setAgentVersion(device.agentVersion())
        .build();
    EnrollResponse r;
    try {
      r = AgentServiceGrpc.newBlockingStub(connection.channel())
          .withDeadlineAfter(DEADLINE_MS, TimeUnit.MILLISECONDS)
          .enroll(request);
    } catch (StatusRuntimeException e) {
      throw explain(connection, "enrollment", e);
    }
    if (r.getDeviceId().isBlank() || r.getCertificateDer().isEmpty()) {
      throw new EnrollmentException("enrollment: the collector answered without a device id or certificate",
          new IllegalStateException());
    }
    return new Enrolled(r.getDeviceId(),
        Pem.encode("CERTIFICATE", r.getCertificateDer().toByteArray()),
        Pem.certificates(r.getCaCertificatesDerList().stream().map(ByteString::toByteArray).toList()),
        ConfigMapper.fromProto(r.getConfig()),
        r.getConfig().getIdentifierKey().toByteArray());
  }

  /**
   * The whole enrollment: new key pair and CSR, the Enroll call (trusting only {@code caPem}), and the result
   * stored in {@code state}. Returns the device id. {@code forwardedFor} is the simulator's public IP (null
   * for a real agent).
   */
  public static String enrollInto(AgentState state, CollectorAddress address, String caPem, String token,
      DeviceInfo device, @Nullable String forwardedFor) throws EnrollmentException {
    KeyMaterial key = KeyMaterial.generate();
    Enrolled e;
    try (CollectorConnection c = CollectorConnection.serverAuthOnly(address, caPem)) {
      c.setForwardedFor(forwardedFor);
      e = enroll(c, token, key, device);
    }
    String chain = e.caChainPem().isEmpty() ? caPem : e.caChainPem();
    state.saveEnrollment(e.deviceId(), key.privateKeyPem(), e.certificatePem(), chain, e.identifierKey(), e.config());
    return e.deviceId();
  }

  /** A renewed certificate and the CA chain, PEM. */
  public record Renewed(String certificatePem, String caChainPem) {}

  /** Calls Renew over the device's current mutual-TLS connection. */
  public static Renewed renew(CollectorConnection connection, KeyMaterial key) throws EnrollmentException {
    RenewResponse r;
    try {
      r = AgentServiceGrpc.newBlockingStub(connection.channel())
          .withDeadlineAfter(DEADLINE_MS, TimeUnit.MILLISECONDS)
          .renew(RenewRequest.newBuilder().setCsrDer(ByteString.copyFrom(key.csrDer())).build());
    } catch (StatusRuntimeException e) {
      throw explain(connection, "renewal", e);
    }
    return new Renewed(Pem.encode("CERTIFICATE", r.getCertificateDer().toByteArray()),
        Pem.certificates(r.getCaCertificatesDerList().stream().map(ByteString::toByteArray).toList()));
  }

  static EnrollmentException explain(CollectorConnection c, String what, StatusRuntimeException e) {
    Status s = e.getStatus();
    String message = switch (s.getCode()) {
      case PERMISSION_DENIED -> what + " refused by the collector: " + s.getDescription();
      case INVALID_ARGUMENT -> what + " rejected as malformed: " + s.getDescription();
      case UNAVAILABLE -> hasCause(e, SSLException.class)
          ? what + " failed: TLS handshake with " + c.address() + " failed; the collector's certificate is not "
              + "signed by the given CA (wrong --ca file?) or does not name this host (" + rootMessage(e) + ")"
          : what + " failed: collector unreachable at " + c.address() + " (" + rootMessage(e) + ")";
      case DEADLINE_EXCEEDED -> what + " failed: no answer from " + c.address() + " within "
          + DEADLINE_MS / 1000 + " s";
      default -> what + " failed: " + s.getCode() + " " + s.getDescription();
    };
    return new EnrollmentException(message, e);
  }

  private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null) {
      c = c.getCause();
    }
    return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
  }
}
