package io.telltale.collector.ingest;

import static java.util.Objects.requireNonNull;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.telltale.collector.internal.Clock;
import io.telltale.collector.pki.CertificateAuthority;
import io.telltale.collector.pki.Certificates;
import io.telltale.collector.store.DeviceRecord;
import io.telltale.collector.store.DeviceRepository;
import io.telltale.collector.store.StoreUnavailableException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.jspecify.annotations.Nullable;

/**
 * Identifies the calling device from its TLS client certificate only: issued by our CA, subject CN a device
 * id, device known and not revoked. Device lookups are cached for a short time, so a revocation made on
 * another collector takes effect within that time ({@link #invalidate} makes a local one immediate).
 */
public final class DeviceAuthenticator {

  private static final int MAX_CACHED = 100_000;
  /** Where the verified peer of a TLS session is memoized ({@link SSLSession#putValue}). */
  private static final String SESSION_PEER = "io.telltale.verified-peer";

  private record Cached(Optional<DeviceRecord> device, long expiresAtNanos) {}

  private final CertificateAuthority ca;
  private final DeviceRepository devices;
  private final Clock clock;
  private final long ttlNanos;
  private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

  public DeviceAuthenticator(CertificateAuthority ca, DeviceRepository devices, Clock clock, Duration cacheTtl) {
    this.ca = requireNonNull(ca, "ca");
    this.devices = requireNonNull(devices, "devices");
    this.clock = requireNonNull(clock, "clock");
    this.ttlNanos = cacheTtl.toNanos();
  }

  /** @throws StatusRuntimeException UNAUTHENTICATED, PERMISSION_DENIED or (store down) UNAVAILABLE */
  AuthenticatedDevice authenticate(@Nullable SSLSession session) {
    Peer peer = peer(session);
    Optional<DeviceRecord> device = lookup(peer.deviceId());
    if (device.isEmpty()) {
      throw Status.PERMISSION_DENIED.withDescription("unknown device").asRuntimeException();
    }
    if (device.get().revoked()) {
      throw Status.PERMISSION_DENIED.withDescription("device revoked").asRuntimeException();
    }
    return new AuthenticatedDevice(peer.deviceId(), peer.notAfter());
  }

  /** A client certificate checked once per TLS session: issued by our CA, subject a device id. */
  private record Peer(String deviceId, Instant notBefore, Instant notAfter) {}

  /**
   * The session's verified peer. The signature check (an ECDSA verification) runs once per TLS session, not
   * once per call: a session's certificate never changes. Validity dates are checked on every call.
   */
  private Peer peer(@Nullable SSLSession session) {
    @Nullable Peer peer = session == null ? null : session.getValue(SESSION_PEER) instanceof Peer p ? p : null;
    if (peer == null) {
      peer = verify(peerCertificate(session));
      if (session != null) {
        session.putValue(SESSION_PEER, peer);
      }
    }
    Instant now = clock.now();
    if (now.isBefore(peer.notBefore()) || now.isAfter(peer.notAfter())) {
      throw Status.PERMISSION_DENIED.withDescription("client certificate not issued by this collector or expired")
          .asRuntimeException();
    }
    return peer;
  }

  private Peer verify(@Nullable X509Certificate cert) {
    if (cert == null) {
      throw Status.UNAUTHENTICATED.withDescription("client certificate required").asRuntimeException();
    }
    if (!ca.issued(cert, clock.now())) {
      throw Status.PERMISSION_DENIED.withDescription("client certificate not issued by this collector or expired")
          .asRuntimeException();
    }
    String cn = Certificates.commonName(cert);
    String deviceId = cn == null ? "" : cn;
    try {
      UUID.fromString(deviceId);
    } catch (IllegalArgumentException e) {
      throw Status.PERMISSION_DENIED.withDescription("client certificate subject is not a device id")
          .asRuntimeException();
    }
    return new Peer(deviceId, cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant());
  }

  /** Forgets the cached state of a device (after revoking it here). */
  public void invalidate(String deviceId) {
    cache.remove(deviceId);
  }

  private Optional<DeviceRecord> lookup(String deviceId) {
    long now = System.nanoTime();
    Cached c = cache.get(deviceId);
    if (c != null && now - c.expiresAtNanos() < 0) {
      return c.device();
    }
    Optional<DeviceRecord> device;
    try {
      device = devices.find(deviceId);
    } catch (StoreUnavailableException e) {
      throw Status.UNAVAILABLE.withDescription("store unavailable; retry later").asRuntimeException();
    }
    if (cache.size() >= MAX_CACHED) {
      cache.clear(); // crude but bounded; entries are cheap to reload
    }
    cache.put(deviceId, new Cached(device, now + ttlNanos));
    return device;
  }

  private static @Nullable X509Certificate peerCertificate(@Nullable SSLSession session) {
    if (session == null) {
      return null;
    }
    try {
      Certificate[] chain = session.getPeerCertificates();
      return chain.length > 0 && chain[0] instanceof X509Certificate x ? x : null;
    } catch (SSLPeerUnverifiedException e) {
      return null;
    }
  }
}
