package io.telltale.collector.pki;

import static java.util.Objects.requireNonNull;

import io.telltale.collector.internal.Clock;
import io.telltale.collector.model.OsFamily;
import io.telltale.collector.store.DeviceRecord;
import io.telltale.collector.store.DeviceRepository;
import io.telltale.collector.store.EnrollOutcome;
import io.telltale.collector.store.EnrollmentToken;
import io.telltale.collector.store.NewDevice;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Enrollment and renewal: validates the request, signs a client certificate whose CN is a fresh device id,
 * and stores device and token use in one transaction. Nothing is stored for a malformed request.
 */
public final class DeviceEnrollment {

  private static final int MAX_TEXT = 256;

  private final CertificateAuthority ca;
  private final DeviceRepository devices;
  private final Clock clock;
  private final Duration certificateValidity;

  public DeviceEnrollment(CertificateAuthority ca, DeviceRepository devices, Clock clock, Duration certificateValidity) {
    this.ca = requireNonNull(ca, "ca");
    this.devices = requireNonNull(devices, "devices");
    this.clock = requireNonNull(clock, "clock");
    this.certificateValidity = requireNonNull(certificateValidity, "certificateValidity");
  }

  /** What the agent sent, as plain values. */
  public record Request(
      String token, byte[] csrDer, String hostname, String hardwareSerial, OsFamily osFamily, String agentVersion) {}

  /** The outcome of an enrollment that was well-formed. */
  public sealed interface Result {}

  /** Enrolled: the device record and its new certificate. */
  public record Enrolled(DeviceRecord device, X509Certificate certificate) implements Result {}

  /** Refused by token state; {@code reason} is safe to return to the agent. */
  public record Refused(String reason) implements Result {}

  /**
   * @throws IllegalArgumentException for malformed fields (message names the field)
   * @throws CsrException for an unacceptable CSR
   */
  public Result enroll(Request r) throws CsrException {
    EnrollmentTokens.checkFormat(r.token());
    checkText("hostname", r.hostname());
    checkText("hardware_serial", r.hardwareSerial());
    checkText("agent_version", r.agentVersion());
    PublicKey key = CsrVerifier.verify(r.csrDer());
    String deviceId = UUID.randomUUID().toString();
    X509Certificate cert = ca.issueClientCertificate(deviceId, key, certificateValidity);
    Instant now = clock.now();
    NewDevice device = new NewDevice(deviceId, now, r.hostname(), r.hardwareSerial(), r.osFamily(), r.agentVersion(),
        CertificateAuthority.describe(deviceId, cert));
    EnrollOutcome outcome = devices.enroll(EnrollmentTokens.hash(r.token()), device, now);
    if (outcome instanceof EnrollOutcome.Enrolled e) {
      return new Enrolled(e.device(), cert);
    }
    EnrollOutcome.Refused refused = (EnrollOutcome.Refused) outcome;
    return new Refused(describe(refused));
  }

  /**
   * Issues a new certificate for an already authenticated device and records it. Returns null when the
   * device was revoked (or removed) in the meantime: the certificate is then neither recorded nor handed out.
   */
  public @Nullable X509Certificate renew(String deviceId, byte[] csrDer) throws CsrException {
    PublicKey key = CsrVerifier.verify(csrDer);
    X509Certificate cert = ca.issueClientCertificate(deviceId, key, certificateValidity);
    if (!devices.recordCertificate(CertificateAuthority.describe(deviceId, cert), clock.now())) {
      return null;
    }
    return cert;
  }

  static String describe(EnrollOutcome.Refused r) {
    EnrollmentToken t = r.token();
    return switch (r.reason()) {
      case UNKNOWN -> "enrollment token unknown";
      case REVOKED -> "enrollment token revoked at " + (t == null ? "?" : t.revokedAt());
      case EXPIRED -> "enrollment token expired at " + (t == null ? "?" : t.expiresAt());
      case USED_UP -> "enrollment token used up (" + (t == null ? "?" : t.uses() + "/" + t.maxUses()) + ")";
    };
  }

  private static void checkText(String field, String value) {
    if (value.length() > MAX_TEXT) {
      throw new IllegalArgumentException(field + ": " + value.length() + " characters (expected: <= " + MAX_TEXT + ")");
    }
  }
}
