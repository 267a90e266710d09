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
import io.telltale.proto.v1.ReportBatchRequest;
import io.telltale.proto.v1.ReportRequest;
import io.telltale.proto.v1.ReportResponse;
import io.telltale.proto.v1.Timing;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one device's spool to the collector, oldest report first, a backlog in batches. A report
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
  /** Most reports sent in one ReportBatch call (the proto allows 256). */
  static final int MAX_BATCH = 64;
  /** Most payload bytes in one batch beyond its first report (the collector takes 8 MiB per message). */
  static final long MAX_BATCH_BYTES = 1024 * 1024;

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
  /** Whether the collector takes ReportBatch (until it answers UNIMPLEMENTED). */
  private boolean batches = true;

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

  /**
   * Sends queued reports until the spool is empty or a call fails: a backlog in batches of up to
   * {@link #MAX_BATCH} reports ({@link #MAX_BATCH_BYTES}), one report alone with Report. A collector that
   * does not know ReportBatch is asked with Report from then on; a batch refused as malformed is sent again
   * report by report, so that only the malformed report is set aside.
   */
  public DeliveryOutcome deliver() {
    long nextDelay = 0;
    if (backoff.failures() > 0) {
      connection.resetConnectBackoff();
    }
    boolean oneByOne = !batches;
    for (List<SpoolEntry> entries = next(oneByOne); !entries.isEmpty(); entries = next(oneByOne)) {
      DropSummary drops = spool.pendingDrops();
      List<ReportRequest> requests = new ArrayList<>(entries.size());
      for (SpoolEntry entry : entries) {
        try {
          requests.add(request(entry, requests.isEmpty() ? drops : DropSummary.NONE));
        } catch (InvalidProtocolBufferException e) {
          break;
        }
      }
      if (requests.isEmpty()) {
        setAside(entries.get(0).sequence(), "unreadable in the spool");
        continue;
      }
      List<ReportResponse> responses;
      try {
        responses = call(requests);
      } catch (StatusRuntimeException e) {
        stats.failures.incrementAndGet();
        Status.Code code = e.getStatus().getCode();
        if (requests.size() > 1 && (code == Status.Code.UNIMPLEMENTED || code == Status.Code.INVALID_ARGUMENT)) {
          if (code == Status.Code.UNIMPLEMENTED) {
            logger.info("{} - the collector does not take report batches; sending one report per call", device);
            batches = false;
          }
          oneByOne = true; // find the malformed one, or talk to an older collector
          continue;
        }
        if (code == Status.Code.INVALID_ARGUMENT) {
          setAside(requests.get(0).getSequence(), "refused as malformed: " + e.getStatus().getDescription());
          continue;
        }
        if (code == Status.Code.PERMISSION_DENIED) {
          logger.error("{} - the collector refuses this device ({}); reporting stops. Re-enroll to resume.",
              device, e.getStatus().getDescription());
          return new DeliveryOutcome.Revoked(String.valueOf(e.getStatus().getDescription()));
        }
        long delay = Math.max(backoff.nextDelayMs(), retryAfter(e));
        failureLog.warn("{} - report {} not delivered ({}: {}); {} queued, retrying in {} ms",
            device, requests.get(0).getSequence(), code, e.getStatus().getDescription(), spool.size(), delay);
        return new DeliveryOutcome.RetryLater(delay, code.name());
      }
      long receivedAt = clock.millis();
      if (!acknowledgesAll(requests, responses)) {
        long delay = backoff.nextDelayMs();
        failureLog.warn("{} - collector acknowledged {} for reports {}..{}; keeping them, retrying in {} ms", device,
            responses.stream().map(ReportResponse::getAcknowledgedSequence).toList(), requests.get(0).getSequence(),
            requests.get(requests.size() - 1).getSequence(), delay);
        return new DeliveryOutcome.RetryLater(delay, "acknowledgement mismatch");
      }
      spool.acknowledgeThrough(requests.get(requests.size() - 1).getSequence(), drops);
      stats.delivered.addAndGet(responses.size());
      stats.duplicates.addAndGet(responses.stream().filter(ReportResponse::getDuplicate).count());
      if (backoff.failures() > 0) {
        logger.info("{} - collector reachable again after {} failed attempts", device, backoff.failures());
        failureLog.reset();
      }
      backoff.reset();
      ReportResponse last = responses.get(responses.size() - 1);
      timing.onExchange(requests.get(0).getSentAtMs(), receivedAt, last.getServerTimeMs());
      if (last.hasConfig() && last.getConfig().getVersion() > configVersion.getAsLong()) {
        listener.onConfig(ConfigMapper.fromProto(last.getConfig()), last.getConfig().getIdentifierKey().toByteArray());
      }
      if (responses.stream().anyMatch(ReportResponse::getRenewCertificate)) {
        listener.onRenewRequested();
      }
      nextDelay = last.getNextReportDelayMs();
    }
    return new DeliveryOutcome.Drained(nextDelay);
  }

  private List<SpoolEntry> next(boolean oneByOne) {
    if (oneByOne) {
      SpoolEntry head = spool.peek();
      return head == null ? List.of() : List.of(head);
    }
    return spool.peek(MAX_BATCH, MAX_BATCH_BYTES);
  }

  private ReportRequest request(SpoolEntry entry, DropSummary drops) throws InvalidProtocolBufferException {
    return ReportRequest.parseFrom(entry.payload()).toBuilder()
        .setSequence(entry.sequence())
        .setSentAtMs(clock.millis())
        .setConfigVersion(configVersion.getAsLong())
        .setDroppedHeartbeats(drops.count())
        .setDroppedFirstSequence(drops.firstSequence())
        .setDroppedLastSequence(drops.lastSequence())
        .setTiming(timingProto())
        .build();
  }

  private List<ReportResponse> call(List<ReportRequest> requests) {
    var stub = AgentServiceGrpc.newBlockingStub(connection.channel())
        .withDeadlineAfter(DEADLINE_MS, TimeUnit.MILLISECONDS);
    if (requests.size() == 1) {
      return List.of(stub.report(requests.get(0)));
    }
    return stub.reportBatch(ReportBatchRequest.newBuilder().addAllReports(requests).build()).getResponsesList();
  }

  private static boolean acknowledgesAll(List<ReportRequest> requests, List<ReportResponse> responses) {
    if (requests.size() != responses.size()) {
      return false;
    }
    for (int i = 0; i < requests.size(); i++) {
      if (responses.get(i).getAcknowledgedSequence() != requests.get(i).getSequence()) {
        return false;
      }
    }
    return true;
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
