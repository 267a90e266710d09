package io.telltale.collector.ingest;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.ByteString;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.telltale.collector.internal.Clock;
import io.telltale.collector.internal.RateLimitedLogger;
import io.telltale.collector.model.AgentSettings;
import io.telltale.collector.model.DeviceReport;
import io.telltale.collector.model.IpAddresses;
import io.telltale.collector.pki.CertificateAuthority;
import io.telltale.collector.pki.CsrException;
import io.telltale.collector.pki.DeviceEnrollment;
import io.telltale.collector.store.FleetSettings;
import io.telltale.collector.store.ReportWriter.WriteResult;
import io.telltale.collector.store.StoreOverloadedException;
import io.telltale.collector.store.StoreUnavailableException;
import io.telltale.proto.v1.AgentServiceGrpc;
import io.telltale.proto.v1.EnrollRequest;
import io.telltale.proto.v1.EnrollResponse;
import io.telltale.proto.v1.RenewRequest;
import io.telltale.proto.v1.RenewResponse;
import io.telltale.proto.v1.ReportBatchRequest;
import io.telltale.proto.v1.ReportBatchResponse;
import io.telltale.proto.v1.ReportRequest;
import io.telltale.proto.v1.ReportResponse;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gRPC {@code AgentService}. Runs on Armeria's blocking executor; Report completes asynchronously when
 * its group commit does. Identity always comes from the TLS client certificate.
 */
public final class AgentServiceImpl extends AgentServiceGrpc.AgentServiceImplBase {

  private static final Logger logger = LoggerFactory.getLogger(AgentServiceImpl.class);
  /** Base of the delay an overloaded collector asks for; jitter of the same size is added. */
  private static final long RETRY_AFTER_BASE_MS = 2_000;
  /** Most reports one ReportBatch may carry (the proto's limit). */
  static final int MAX_BATCH = 256;

  private final DeviceAuthenticator authenticator;
  private final DeviceEnrollment enrollment;
  private final IngestPipeline pipeline;
  private final UploadPacer pacer;
  private final AgentSettingsSource settings;
  private final CertificateAuthority ca;
  private final IngestMetrics metrics;
  private final Clock clock;
  private final Duration renewBefore;
  private final RateLimitedLogger unexpected = new RateLimitedLogger(logger);

  public AgentServiceImpl(
      DeviceAuthenticator authenticator,
      DeviceEnrollment enrollment,
      IngestPipeline pipeline,
      UploadPacer pacer,
      FleetSettings fleetSettings,
      AgentConfigTemplate template,
      CertificateAuthority ca,
      IngestMetrics metrics,
      Clock clock,
      Duration renewBefore) {
    this.authenticator = requireNonNull(authenticator, "authenticator");
    this.enrollment = requireNonNull(enrollment, "enrollment");
    this.pipeline = requireNonNull(pipeline, "pipeline");
    this.pacer = requireNonNull(pacer, "pacer");
    this.settings = new AgentSettingsSource(fleetSettings, template, clock);
    this.ca = requireNonNull(ca, "ca");
    this.metrics = requireNonNull(metrics, "metrics");
    this.clock = requireNonNull(clock, "clock");
    this.renewBefore = requireNonNull(renewBefore, "renewBefore");
  }

  @Override
  public void enroll(EnrollRequest req, StreamObserver<EnrollResponse> out) {
    try {
      DeviceEnrollment.Result result = enrollment.enroll(new DeviceEnrollment.Request(req.getToken(),
          req.getCsrDer().toByteArray(), req.getHostname(), req.getHardwareSerial(),
          ProtoMapper.osFamily(req.getOsFamily()), req.getAgentVersion()));
      if (result instanceof DeviceEnrollment.Refused refused) {
        logger.info("enrollment refused: {}", refused.reason());
        throw GrpcErrors.permissionDenied(refused.reason());
      }
      DeviceEnrollment.Enrolled enrolled = (DeviceEnrollment.Enrolled) result;
      AgentSettings current = settings.current();
      logger.info("{} - enrolled", enrolled.device().id());
      out.onNext(EnrollResponse.newBuilder()
          .setDeviceId(enrolled.device().id())
          .setCertificateDer(der(enrolled.certificate()))
          .addCaCertificatesDer(der(ca.certificate()))
          .setConfig(ProtoMapper.toProto(current))
          .build());
      out.onCompleted();
    } catch (IllegalArgumentException | CsrException e) {
      metrics.reportInvalid();
      out.onError(GrpcErrors.invalid(e.getMessage()));
    } catch (RuntimeException e) {
      out.onError(toStatus(e));
    }
  }

  @Override
  public void report(ReportRequest req, StreamObserver<ReportResponse> out) {
    ingest(out, (device, now, peer) -> List.of(ProtoMapper.toReport(req, device, now, peer)),
        (device, reports, results) -> response(req, reports.get(0), device, results.get(0)));
  }

  @Override
  public void reportBatch(ReportBatchRequest req, StreamObserver<ReportBatchResponse> out) {
    ingest(out, (device, now, peer) -> batch(req, device, now, peer), (device, reports, results) -> {
      ReportResponse common = response(req.getReports(reports.size() - 1), device);
      ReportBatchResponse.Builder b = ReportBatchResponse.newBuilder();
      for (int i = 0; i < reports.size(); i++) {
        ReportResponse.Builder one = common.toBuilder().setAcknowledgedSequence(reports.get(i).sequence())
            .setDuplicate(results.get(i) == WriteResult.DUPLICATE);
        if (i < reports.size() - 1) {
          one.clearConfig(); // sent once, with the newest
        }
        b.addResponses(one);
      }
      return b.build();
    });
  }

  /** Turns a request into the calling device's reports; IllegalArgumentException says what is malformed. */
  private interface Parser {
    List<DeviceReport> parse(String deviceId, Instant now, String peer);
  }

  /** The answer once every report is durably stored. */
  private interface Responder<R> {
    R respond(AuthenticatedDevice device, List<DeviceReport> reports, List<WriteResult> results);
  }

  /**
   * Authenticates, parses, queues every report for the next commit, and answers once all are stored; then
   * hands the new ones to detection. Nothing is acknowledged unless everything is.
   */
  private <R> void ingest(StreamObserver<R> out, Parser parser, Responder<R> responder) {
    List<DeviceReport> reports;
    AuthenticatedDevice device;
    try {
      ServiceRequestContext ctx = ServiceRequestContext.current();
      device = authenticator.authenticate(ctx.sslSession());
      reports = parser.parse(device.deviceId(), clock.now(), IpAddresses.canonical(ctx.clientAddress()));
    } catch (IllegalArgumentException e) {
      metrics.reportInvalid();
      out.onError(GrpcErrors.invalid(e.getMessage()));
      return;
    } catch (RuntimeException e) {
      out.onError(toStatus(e));
      return;
    }
    try {
      List<CompletableFuture<WriteResult>> writes = new ArrayList<>(reports.size());
      for (DeviceReport r : reports) {
        writes.add(pipeline.store(r));
      }
      CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).whenComplete((ignored, error) -> {
        if (error != null) {
          out.onError(toStatus(error));
          return;
        }
        List<WriteResult> results = writes.stream().map(CompletableFuture::join).toList();
        try {
          out.onNext(responder.respond(device, reports, results));
          out.onCompleted();
        } catch (RuntimeException e) {
          out.onError(toStatus(e));
          return;
        }
        for (int i = 0; i < reports.size(); i++) {
          pipeline.acknowledged(reports.get(i), results.get(i));
        }
      });
    } catch (RuntimeException e) {
      // e.g. the writer queue filled up midway: what was queued gets stored, and a retry deduplicates it
      out.onError(toStatus(e));
    }
  }

  /** The batch's reports, checked: 1..{@value #MAX_BATCH}, sequences strictly increasing, each well formed. */
  private static List<DeviceReport> batch(ReportBatchRequest req, String deviceId, Instant now, String peer) {
    int n = req.getReportsCount();
    if (n == 0 || n > MAX_BATCH) {
      throw new IllegalArgumentException("batch of " + n + " reports (expected: 1 to " + MAX_BATCH + ")");
    }
    List<DeviceReport> out = new ArrayList<>(n);
    long previous = 0;
    for (int i = 0; i < n; i++) {
      DeviceReport r;
      try {
        r = ProtoMapper.toReport(req.getReports(i), deviceId, now, peer);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("report " + i + ": " + e.getMessage(), e);
      }
      if (r.sequence() <= previous) {
        throw new IllegalArgumentException("report " + i + ": sequence " + r.sequence() + " after " + previous
            + " (expected: strictly increasing)");
      }
      previous = r.sequence();
      out.add(r);
    }
    return out;
  }

  private ReportResponse response(ReportRequest req, DeviceReport report, AuthenticatedDevice device,
      WriteResult result) {
    return response(req, device).toBuilder()
        .setAcknowledgedSequence(report.sequence())
        .setDuplicate(result == WriteResult.DUPLICATE)
        .build();
  }

  /** What every acknowledgement to this device says now: pacing, clock, renewal, configuration. */
  private ReportResponse response(ReportRequest req, AuthenticatedDevice device) {
    Instant now = clock.now();
    ReportResponse.Builder b = ReportResponse.newBuilder()
        .setNextReportDelayMs((int) Math.min(Integer.MAX_VALUE,
            pacer.nextDelayMs(device.deviceId(), now.toEpochMilli(), pipeline.backlog())))
        .setServerTimeMs(now.toEpochMilli())
        .setRenewCertificate(device.certificateNotAfter().minus(renewBefore).isBefore(now));
    try {
      AgentSettings current = settings.current();
      b.setConfigVersion(current.version());
      if (req.getConfigVersion() < current.version()) {
        b.setConfig(ProtoMapper.toProto(current));
      }
    } catch (StoreUnavailableException e) { // the report is committed: ack it; config goes out next time
      logger.debug("{} - agent settings unavailable; acking without config", device.deviceId());
    }
    return b.build();
  }

  @Override
  public void renew(RenewRequest req, StreamObserver<RenewResponse> out) {
    try {
      AuthenticatedDevice device = authenticator.authenticate(ServiceRequestContext.current().sslSession());
      X509Certificate cert = enrollment.renew(device.deviceId(), req.getCsrDer().toByteArray());
      if (cert == null) { // revoked after the (cached) authentication
        authenticator.invalidate(device.deviceId());
        throw io.grpc.Status.PERMISSION_DENIED.withDescription("device revoked").asRuntimeException();
      }
      logger.info("{} - certificate renewed", device.deviceId());
      out.onNext(RenewResponse.newBuilder().setCertificateDer(der(cert)).addCaCertificatesDer(der(ca.certificate()))
          .build());
      out.onCompleted();
    } catch (CsrException e) {
      metrics.reportInvalid();
      out.onError(GrpcErrors.invalid(e.getMessage()));
    } catch (RuntimeException e) {
      out.onError(toStatus(e));
    }
  }

  private StatusRuntimeException toStatus(Throwable e) {
    Throwable t = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
    if (t instanceof StatusRuntimeException s) {
      if (s.getStatus().getCode() == io.grpc.Status.Code.UNAUTHENTICATED
          || s.getStatus().getCode() == io.grpc.Status.Code.PERMISSION_DENIED) {
        metrics.callUnauthorized();
      }
      return s;
    }
    if (t instanceof StoreOverloadedException) {
      metrics.overloaded();
      return GrpcErrors.overloaded(RETRY_AFTER_BASE_MS + ThreadLocalRandom.current().nextLong(RETRY_AFTER_BASE_MS));
    }
    if (t instanceof StoreUnavailableException) {
      metrics.storeFailed();
      return GrpcErrors.unavailable();
    }
    unexpected.warn("unexpected ingest failure", t);
    return GrpcErrors.internal();
  }

  private static ByteString der(X509Certificate cert) {
    try {
      return ByteString.copyFrom(cert.getEncoded());
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }
}
