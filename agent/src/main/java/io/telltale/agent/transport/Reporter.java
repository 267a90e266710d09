package io.telltale.agent.transport;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.telltale.agent.internal.Clock;
import io.telltale.agent.internal.RateLimitedLogger;
import io.telltale.agent.spool.DropSummary;
import io.telltale.agent.spool.Spool;
import io.telltale.agent.spool.SpoolEntry;
import io.telltale.proto.v1.AgentServiceGrpc;
import io.telltale.proto.v1.ReportRequest;
import io.telltale.proto.v1.ReportResponse;
import io.telltale.proto.v1.Timing;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one device's spool to the collector, oldest report first, one unary call per report. A report
 * leaves the spool only when the collector acknowledged its sequence. Status handling follows the proto:
 * UNAVAILABLE, RESOURCE_EXHAUSTED (honouring the {@code telltale-retry-after-ms} trailer) and other
 * transient codes keep the report and back off; INVALID_ARGUMENT moves it aside so it cannot block the queue;
 * PERMISSION_DENIED stops reporting. Blocking; not thread-safe (one delivering thread per device).
 */
public final class Reporter {

  private static final Logger logger = LoggerFactory.getLogger(Reporter.class);

  public static final Metadata.Key<String> RETRY_AFTER =
      Metadata.Key.of("telltale-retry-after-ms", Metadata.ASCII_STRING_MARSHALLER);
  /** A report is small and the collector acks after one commit: 30 s covers a slow disk, not a dead link. */
  static final long DEADLINE_MS = 30_000;

  private final String device;
  private final Spool spool;
  private final CollectorConnection connection;
  private final Clock clock;
  private final LinkTiming.Source timing;
  private final DeliveryListener listener;
  private final Backoff backoff;
  private final RateLimitedLogger failureLog;
  private final LongSupplier configVersion;
  private final DeliveryStats stats = new DeliveryStats();
  private boolean rejectionLogged;

  public Reporter(String device, Spool spool, CollectorConnection connection, Clock clock, LinkTiming.Source timing,
      LongSupplier configVersion, DeliveryListener listener, Backoff backoff) {
    this.device = requireNonNull(device, "device");
    this.spool = requireNonNull(spool, "spool");
    this.connection = requireNonNull(connection, "connection");
    this.clock = requireNonNull(clock, "clock");
    this.timing = requireNonNull(timing, "timing");
    this.configVersion = requireNonNull(configVersion, "configVersion");
    this.listener = requireNonNull(listener, "listener");
    this.backoff = requireNonNull(backoff, "backoff");
    this.failureLog = new RateLimitedLogger(logger, clock);
  }

  public DeliveryStats stats() {
    return stats;
  }

  /** Sends queued reports until the spool is empty or a call fails. */
  public DeliveryOutcome deliver() {
    long nextDelay = 0;
    if (backoff.failures() > 0) {
      connection.resetConnectBackoff();
    }
    for (SpoolEntry entry = spool.peek(); entry != null; entry = spool.peek()) {
      DropSummary drops = spool.pendingDrops();
      ReportRequest request;
      try {
        request = ReportRequest.parseFrom(entry.payload()).toBuilder()
            .setSequence(entry.sequence())
            .setSentAtMs(clock.millis())
            .setConfigVersion(configVersion.getAsLong())
            .setDroppedHeartbeats(drops.count())
            .setDroppedFirstSequence(drops.firstSequence())
            .setDroppedLastSequence(drops.lastSequence())
            .setTiming(timingProto())
            .build();
      } catch (InvalidProtocolBufferException e) {
        setAside(entry.sequence(), "unreadable in the spool");
        continue;
      }
      ReportResponse response;
      try {
        response = AgentServiceGrpc.newBlockingStub(connection.channel())
            .withDeadlineAfter(DEADLINE_MS, TimeUnit.MILLISECONDS)
            .report(request);
      } catch (StatusRuntimeException e) {
        stats.failures.incrementAndGet();
        Status.Code code = e.getStatus().getCode();
        if (code == Status.Code.INVALID_ARGUMENT) {
          setAside(entry.sequence(), "refused as malformed: " + e.getStatus().getDescription());
          continue;
        }
        if (code == Status.Code.PERMISSION_DENIED) {
          logger.error("{} - the collector refuses this device ({}); reporting stops. Re-enroll to resume.",
              device, e.getStatus().getDescription());
          return new DeliveryOutcome.Revoked(String.valueOf(e.getStatus().getDescription()));
        }
        long delay = Math.max(backoff.nextDelayMs(), retryAfter(e));
        failureLog.warn("{} - report {} not delivered ({}: {}); {} queued, retrying in {} ms",
            device, entry.sequence(), code, e.getStatus().getDescription(), spool.size(), delay);
        return new DeliveryOutcome.RetryLater(delay, code.name());
      }
      long receivedAt = clock.millis();
      if (response.getAcknowledgedSequence() != entry.sequence()) {
        long delay = backoff.nextDelayMs();
        failureLog.warn("{} - collector acknowledged {} for report {}; keeping it, retrying in {} ms",
            device, response.getAcknowledgedSequence(), entry.sequence(), delay);
        return new DeliveryOutcome.RetryLater(delay, "acknowledgement mismatch");
      }
      spool.acknowledge(entry.sequence(), drops);
      stats.delivered.incrementAndGet();
      if (response.getDuplicate()) {
        stats.duplicates.incrementAndGet();
      }
      if (backoff.failures() > 0) {
        logger.info("{} - collector reachable again after {} failed attempts", device, backoff.failures());
        failureLog.reset();
      }
      backoff.reset();
      timing.onExchange(request.getSentAtMs(), receivedAt, response.getServerTimeMs());
      if (response.hasConfig() && response.getConfig().getVersion() > configVersion.getAsLong()) {
        listener.onConfig(ConfigMapper.fromProto(response.getConfig()),
            response.getConfig().getIdentifierKey().toByteArray());
      }
      if (response.getRenewCertificate()) {
        listener.onRenewRequested();
      }
      nextDelay = response.getNextReportDelayMs();
    }
    return new DeliveryOutcome.Drained(nextDelay);
  }

  private Timing timingProto() {
    LinkTiming t = timing.current();
    return Timing.newBuilder()
        .setRttMs(t.rttMs())
        .setClockOffsetMs(t.clockOffsetMs())
        .setClockOffsetKnown(t.clockOffsetKnown())
        .build();
  }

  private void setAside(long sequence, String why) {
    spool.setAside(sequence);
    stats.rejected.incrementAndGet();
    if (!rejectionLogged) {
      rejectionLogged = true;
      logger.warn("{} - report {} {}; moved aside (spool/rejected/) so it cannot block the queue. "
          + "Further rejections are only counted.", device, sequence, why);
    }
  }

  private static long retryAfter(StatusRuntimeException e) {
    Metadata trailers = e.getTrailers();
    String v = trailers == null ? null : trailers.get(RETRY_AFTER);
    if (v == null) {
      return 0;
    }
    try {
      return Math.max(0, Math.min(3_600_000, Long.parseLong(v.trim())));
    } catch (NumberFormatException ex) {
      return 0;
    }
  }
}
