package io.telltale.collector.review;

import static java.util.Objects.requireNonNull;

import io.telltale.collector.internal.Clock;
import io.telltale.collector.store.DeviceRecord;
import io.telltale.collector.store.DeviceRepository;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Revoking a device (administrators only): from then on the collector refuses its reports and certificate
 * renewals with PERMISSION_DENIED "device revoked", and the agent stops reporting. Irreversible here (a
 * revoked laptop re-enrolls with a new token and gets a new device id). Audited with the state before and
 * after. Thread-safe; blocks on the store.
 */
public final class DeviceRevocation {

  /** A revoked device, as the API returns it. */
  public record Revoked(String deviceId, String hostname, String certSerial, Instant revokedAt) {}

  private final DeviceRepository devices;
  private final AuditTrail audit;
  private final Clock clock;
  private final Consumer<String> revoked;

  /** @param revoked told the id of every device revoked here (the local ingest forgets its cached state) */
  public DeviceRevocation(DeviceRepository devices, AuditTrail audit, Clock clock, Consumer<String> revoked) {
    this.devices = requireNonNull(devices, "devices");
    this.audit = requireNonNull(audit, "audit");
    this.clock = requireNonNull(clock, "clock");
    this.revoked = requireNonNull(revoked, "revoked");
  }

  /**
   * @throws ReviewException FORBIDDEN below admin, NOT_FOUND for an unknown device, CONFLICT when it is
   *     already revoked
   */
  public Revoked revoke(Principal who, String deviceId) {
    who.require(Role.ADMIN);
    DeviceRecord before = devices.find(deviceId).orElseThrow(() -> ReviewException.notFound("device", deviceId));
    if (before.revoked()) {
      throw new ReviewException(ReviewException.Kind.CONFLICT,
          "device: '" + deviceId + "' already revoked at " + before.revokedAt() + " (expected: an active device)");
    }
    Instant at = clock.now();
    if (!devices.revoke(deviceId, at)) { // revoked concurrently (another admin, another collector)
      throw new ReviewException(ReviewException.Kind.CONFLICT,
          "device: '" + deviceId + "' already revoked (expected: an active device)");
    }
    revoked.accept(deviceId);
    audit.record(who, "device.revoke", deviceId, state(before, null), state(before, at));
    return new Revoked(deviceId, before.hostname(), before.certSerial(), at);
  }

  private static Map<String, Object> state(DeviceRecord d, @Nullable Instant revokedAt) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("hostname", d.hostname());
    m.put("certSerial", d.certSerial());
    m.put("certExpiresAt", d.certExpiresAt().toString());
    m.put("revoked", revokedAt != null);
    if (revokedAt != null) {
      m.put("revokedAt", revokedAt.toString());
    }
    return m;
  }
}
