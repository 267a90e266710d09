package io.telltale.collector.store.sql;

import io.telltale.collector.model.OsFamily;
import io.telltale.collector.store.DeviceRecord;
import io.telltale.collector.store.DeviceRepository;
import io.telltale.collector.store.EnrollOutcome;
import io.telltale.collector.store.EnrollmentToken;
import io.telltale.collector.store.IssuedCertificate;
import io.telltale.collector.store.NewDevice;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Devices and certificates in tables {@code devices} and {@code certificates}. */
final class SqlDevices implements DeviceRepository {

  private static final String COLUMNS =
      "id, enrolled_at, hostname, hardware_serial, os_family, agent_version, token_id, cert_serial,"
          + " cert_expires_at, revoked_at";

  private final Database db;

  SqlDevices(Database db) {
    this.db = db;
  }

  @Override
  public EnrollOutcome enroll(String tokenHashHex, NewDevice d, Instant now) {
    return db.inTransaction(
        c -> {
          // One conditional UPDATE consumes a use, so concurrent enrollments on several collectors never
          // exceed max_uses; when it matches nothing, the row read afterwards says why.
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE enrollment_tokens SET uses = uses + 1 WHERE token_hash = ? AND revoked_at IS NULL"
                      + " AND expires_at > ? AND uses < max_uses")) {
            Rows.bind(ps, tokenHashHex, now);
            if (ps.executeUpdate() != 1) {
              return refusal(c, tokenHashHex, now);
            }
          }
          EnrollmentToken token = SqlTokens.findByHash(c, tokenHashHex);
          IssuedCertificate cert = d.certificate();
          DeviceRecord device =
              new DeviceRecord(d.id(), d.enrolledAt(), d.hostname(), d.hardwareSerial(), d.osFamily(),
                  d.agentVersion(), token == null ? "" : token.id(), cert.serialHex(), cert.notAfter(), null);
          try (PreparedStatement ps =
              c.prepareStatement("INSERT INTO devices (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            Rows.bind(ps, device.id(), device.enrolledAt(), device.hostname(), device.hardwareSerial(),
                device.osFamily().name(), device.agentVersion(), device.tokenId(), device.certSerial(),
                device.certExpiresAt(), Rows.instantOrNull(null));
            ps.executeUpdate();
          }
          insertCertificate(c, cert, now);
          return new EnrollOutcome.Enrolled(device);
        });
  }

  private static EnrollOutcome refusal(Connection c, String tokenHashHex, Instant now) throws SQLException {
    EnrollmentToken t = SqlTokens.findByHash(c, tokenHashHex);
    EnrollOutcome.Reason reason;
    if (t == null) {
      reason = EnrollOutcome.Reason.UNKNOWN;
    } else if (t.revokedAt() != null) {
      reason = EnrollOutcome.Reason.REVOKED;
    } else if (!t.expiresAt().isAfter(now)) {
      reason = EnrollOutcome.Reason.EXPIRED;
    } else {
      reason = EnrollOutcome.Reason.USED_UP;
    }
    return new EnrollOutcome.Refused(reason, t);
  }

  private static void insertCertificate(Connection c, IssuedCertificate cert, Instant issuedAt)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO certificates (serial, device_id, not_before, not_after, sha256, issued_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
      Rows.bind(ps, cert.serialHex(), cert.deviceId(), cert.notBefore(), cert.notAfter(), cert.sha256Hex(), issuedAt);
      ps.executeUpdate();
    }
  }

  @Override
  public Optional<DeviceRecord> find(String deviceId) {
    return db.withConnection(
        c -> {
          try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM devices WHERE id = ?")) {
            ps.setString(1, deviceId);
            return Rows.list(ps, SqlDevices::map).stream().findFirst();
          }
        });
  }

  @Override
  public List<DeviceRecord> list() {
    return db.withConnection(
        c -> {
          try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM devices ORDER BY enrolled_at, id")) {
            return Rows.list(ps, SqlDevices::map);
          }
        });
  }

  @Override
  public boolean recordCertificate(IssuedCertificate cert, Instant issuedAt) {
    return db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              // A device revoked meanwhile (on another collector, within the auth cache time) keeps its old
              // certificate: the conditional update is what makes "revoked cannot renew" hold everywhere.
              c.prepareStatement("UPDATE devices SET cert_serial = ?, cert_expires_at = ? WHERE id = ?"
                  + " AND revoked_at IS NULL")) {
            Rows.bind(ps, cert.serialHex(), cert.notAfter(), cert.deviceId());
            if (ps.executeUpdate() != 1) {
              return false;
            }
          }
          insertCertificate(c, cert, issuedAt);
          return true;
        });
  }

  @Override
  public boolean revoke(String deviceId, Instant at) {
    return db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
            Rows.bind(ps, at, deviceId);
            return ps.executeUpdate() == 1;
          }
        });
  }

  private static DeviceRecord map(ResultSet rs) throws SQLException {
    return new DeviceRecord(
        rs.getString("id"),
        Rows.instant(rs, "enrolled_at"),
        rs.getString("hostname"),
        rs.getString("hardware_serial"),
        OsFamily.valueOf(rs.getString("os_family")),
        rs.getString("agent_version"),
        rs.getString("token_id"),
        rs.getString("cert_serial"),
        Rows.instant(rs, "cert_expires_at"),
        Rows.nullableInstant(rs, "revoked_at"));
  }
}
