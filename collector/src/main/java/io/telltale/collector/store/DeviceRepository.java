package io.telltale.collector.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Enrolled devices and the certificates issued to them. Blocking calls; thread-safe. */
public interface DeviceRepository {

  /**
   * Consumes one use of the token whose SHA-256 is {@code tokenHashHex} and stores {@code device}, in one
   * transaction: either both happen or neither. Safe against concurrent enrollments on several collectors.
   */
  EnrollOutcome enroll(String tokenHashHex, NewDevice device, Instant now);

  Optional<DeviceRecord> find(String deviceId);

  /** All devices, ordered by enrollment time. */
  List<DeviceRecord> list();

  /**
   * Records a renewed certificate as the device's current one. Returns false (and stores nothing) when the
   * device is unknown or revoked.
   */
  boolean recordCertificate(IssuedCertificate certificate, Instant issuedAt);

  /** Marks the device revoked; returns false when it is unknown or already revoked. */
  boolean revoke(String deviceId, Instant at);
}
