package io.telltale.collector.store;

import static java.util.Objects.requireNonNull;

import io.telltale.collector.model.OsFamily;
import java.time.Instant;

/** A device about to be enrolled, with the certificate already signed for it. */
public record NewDevice(
    String id,
    Instant enrolledAt,
    String hostname,
    String hardwareSerial,
    OsFamily osFamily,
    String agentVersion,
    IssuedCertificate certificate) {

  public NewDevice {
    requireNonNull(id, "id");
    requireNonNull(enrolledAt, "enrolledAt");
    requireNonNull(hostname, "hostname");
    requireNonNull(hardwareSerial, "hardwareSerial");
    requireNonNull(osFamily, "osFamily");
    requireNonNull(agentVersion, "agentVersion");
    requireNonNull(certificate, "certificate");
  }
}
