package io.telltale.collector.store;

import static java.util.Objects.requireNonNull;

import io.telltale.collector.model.OsFamily;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An enrolled device. Hostname, serial and OS are what the agent said at enrollment (informational; the
 * latest observed values are in {@link DeviceState}).
 *
 * @param certSerial hex serial of the most recently issued client certificate
 * @param revokedAt when an administrator revoked the device; {@code null} = not revoked
 */
public record DeviceRecord(
    String id,
    Instant enrolledAt,
    String hostname,
    String hardwareSerial,
    OsFamily osFamily,
    String agentVersion,
    String tokenId,
    String certSerial,
    Instant certExpiresAt,
    @Nullable Instant revokedAt) {

  public DeviceRecord {
    requireNonNull(id, "id");
    requireNonNull(enrolledAt, "enrolledAt");
    requireNonNull(hostname, "hostname");
    requireNonNull(hardwareSerial, "hardwareSerial");
    requireNonNull(osFamily, "osFamily");
    requireNonNull(agentVersion, "agentVersion");
    requireNonNull(tokenId, "tokenId");
    requireNonNull(certSerial, "certSerial");
    requireNonNull(certExpiresAt, "certExpiresAt");
  }

  public boolean revoked() {
    return revokedAt != null;
  }
}
