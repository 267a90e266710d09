package io.telltale.collector.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** A client certificate the collector's CA issued, as recorded (never the key). */
public record IssuedCertificate(String serialHex, String deviceId, Instant notBefore, Instant notAfter, String sha256Hex) {
  public IssuedCertificate {
    requireNonNull(serialHex, "serialHex");
    requireNonNull(deviceId, "deviceId");
    requireNonNull(notBefore, "notBefore");
    requireNonNull(notAfter, "notAfter");
    requireNonNull(sha256Hex, "sha256Hex");
  }
}
