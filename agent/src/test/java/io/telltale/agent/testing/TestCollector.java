package io.telltale.agent.testing;

import com.google.protobuf.ByteString;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.telltale.proto.v1.AgentConfig;
import io.telltale.proto.v1.AgentServiceGrpc;
import io.telltale.proto.v1.EnrollRequest;
import io.telltale.proto.v1.EnrollResponse;
import io.telltale.proto.v1.RenewRequest;
import io.telltale.proto.v1.RenewResponse;
import io.telltale.proto.v1.ReportBatchRequest;
import io.telltale.proto.v1.ReportBatchResponse;
import io.telltale.proto.v1.ReportRequest;
import io.telltale.proto.v1.ReportResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * A real gRPC collector on loopback for agent tests (not a mock): mutual TLS with a per-run CA, Enroll signs
 * CSRs, Report stores by (device from the client certificate, sequence) and acks duplicates as duplicates,
 * Renew signs a new CSR. It can be stopped and restarted on the same port and told to fail.
 */
public final class TestCollector implements AutoCloseable {

  public static final String TOKEN = "test-token";
  private static final Context.Key<String> DEVICE = Context.key("device");
  private static final Context.Key<String> FORWARDED = Context.key("forwarded");
  private static final Metadata.Key<String> XFF = Metadata.Key.of("x-forwarded-for", Metadata.ASCII_STRING_MARSHALLER);

  public final TestPki pki = new TestPki();
  /** device id -> sequence -> report, as stored. */
  public final Map<String, ConcurrentSkipListMap<Long, ReportRequest>> stored = new ConcurrentHashMap<>();
  /** Every call that reached the collector, of any method, refused ones included. */
  public final AtomicInteger calls = new AtomicInteger();
  /** Every Report call received, in order (duplicates included). */
  public final Queue<ReportRequest> received = new ConcurrentLinkedQueue<>();
  public final Map<String, String> forwardedFor = new ConcurrentHashMap<>();
  public final AtomicInteger renewals = new AtomicInteger();
  /** Sequences refused as malformed (INVALID_ARGUMENT), alone or in a batch. */
  public final Set<Long> malformed = ConcurrentHashMap.newKeySet();
  /** ReportBatch calls answered. */
  public final AtomicInteger batches = new AtomicInteger();
  /** Whether ReportBatch is served (false: UNIMPLEMENTED, as an older collector). */
  public volatile boolean takesBatches = true;
  /** Next Report or ReportBatch calls fail with these statuses, one each. */
  public final Queue<Status> failNext = new ConcurrentLinkedQueue<>();
  /** The next this many Report calls are stored, then fail with UNAVAILABLE, as when the response is lost. */
  public final AtomicInteger loseAckNext = new AtomicInteger();
  public volatile long retryAfterMs;
  public volatile AgentConfig config = AgentConfig.newBuilder().setVersion(1).build();
  public volatile boolean askRenewal;
  public volatile Duration clientValidity = Duration.ofDays(30);
  public volatile int nextReportDelayMs;
  public final AtomicReference<String> refuseTokenWith = new AtomicReference<>();

  private int port;
  private Server server;

  public TestCollector start() throws IOException {
    TlsServerCredentials.Builder creds = TlsServerCredentials.newBuilder()
        .keyManager(stream(pki.serverCertPem()), stream(pki.serverKeyPem()))
        .trustManager(stream(pki.caPem()))
        .clientAuth(TlsServerCredentials.ClientAuth.OPTIONAL);
    server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port), creds.build())
        .addService(ServerInterceptors.intercept(new Service(), new Identity()))
        .build()
        .start();
    port = server.getPort();
    return this;
  }

  public void stop() throws InterruptedException {
    server.shutdownNow();
    server.awaitTermination(5, TimeUnit.SECONDS);
  }

  public String address() {
    return "127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public List<Long> sequences(String device) {
    return new ArrayList<>(stored.getOrDefault(device, new ConcurrentSkipListMap<>()).keySet());
  }

  public int storedCount() {
    return stored.values().stream().mapToInt(Map::size).sum();
  }

  @Override
  public void close() throws InterruptedException {
    if (server != null) {
      stop();
    }
  }

  private static ByteArrayInputStream stream(String pem) {
    return new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII));
  }

  private final class Identity implements ServerInterceptor {
    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
        ServerCallHandler<Q, R> next) {
      calls.incrementAndGet();
      String device = "";
      SSLSession ssl = call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION);
      if (ssl != null) {
        try {
          Certificate[] peer = ssl.getPeerCertificates();
          String dn = ((X509Certificate) peer[0]).getSubjectX500Principal().getName();
          device = dn.startsWith("CN=") ? dn.substring(3) : dn;
        } catch (SSLPeerUnverifiedException e) {
          device = "";
        }
      }
      String xff = headers.get(XFF);
      Context ctx = Context.current().withValue(DEVICE, device).withValue(FORWARDED, xff == null ? "" : xff);
      return Contexts.interceptCall(ctx, call, headers, next);
    }
  }

  private final class Service extends AgentServiceGrpc.AgentServiceImplBase {
    @Override
    public void enroll(EnrollRequest request, StreamObserver<EnrollResponse> out) {
      String refusal = refuseTokenWith.get();
      if (refusal != null || !TOKEN.equals(request.getToken())) {
        out.onError(Status.PERMISSION_DENIED.withDescription(refusal != null ? refusal : "token unknown")
            .asRuntimeException());
        return;
      }
      String id = UUID.randomUUID().toString();
      try {
        out.onNext(EnrollResponse.newBuilder()
            .setDeviceId(id)
            .setCertificateDer(ByteString.copyFrom(pki.signClient(request.getCsrDer().toByteArray(), id,
                clientValidity).getEncoded()))
            .addCaCertificatesDer(ByteString.copyFrom(pki.ca().getEncoded()))
            .setConfig(config)
            .build());
        out.onCompleted();
      } catch (Exception e) {
        out.onError(Status.INVALID_ARGUMENT.withDescription("bad CSR").asRuntimeException());
      }
    }

    @Override
    public void report(ReportRequest request, StreamObserver<ReportResponse> out) {
      Status refused = refusal(List.of(request));
      if (refused != null) {
        out.onError(refused.asRuntimeException(trailers()));
        return;
      }
      ReportResponse response = store(request);
      if (ackLost(out)) {
        return;
      }
      out.onNext(response);
      out.onCompleted();
    }

    @Override
    public void reportBatch(ReportBatchRequest request, StreamObserver<ReportBatchResponse> out) {
      if (!takesBatches) {
        super.reportBatch(request, out); // UNIMPLEMENTED, as from a collector that predates the call
        return;
      }
      Status refused = refusal(request.getReportsList());
      if (refused != null) {
        out.onError(refused.asRuntimeException(trailers()));
        return;
      }
      batches.incrementAndGet();
      ReportBatchResponse.Builder b = ReportBatchResponse.newBuilder();
      request.getReportsList().forEach(r -> b.addResponses(store(r)));
      if (ackLost(out)) {
        return;
      }
      out.onNext(b.build());
      out.onCompleted();
    }

    private Status refusal(List<ReportRequest> requests) {
      if (DEVICE.get().isEmpty()) {
        return Status.UNAUTHENTICATED.withDescription("no client certificate");
      }
      Status fail = failNext.poll();
      if (fail != null) {
        return fail;
      }
      for (ReportRequest r : requests) {
        if (malformed.contains(r.getSequence())) {
          return Status.INVALID_ARGUMENT.withDescription("report " + r.getSequence() + " is malformed");
        }
      }
      return null;
    }

    /** Stored, but the acknowledgement is lost on the way back (loseAckNext). */
    private boolean ackLost(StreamObserver<?> out) {
      if (loseAckNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        out.onError(Status.UNAVAILABLE.withDescription("connection reset after the commit").asRuntimeException());
        return true;
      }
      return false;
    }

    private Metadata trailers() {
      Metadata trailers = new Metadata();
      if (retryAfterMs > 0) {
        trailers.put(Metadata.Key.of("telltale-retry-after-ms", Metadata.ASCII_STRING_MARSHALLER),
            Long.toString(retryAfterMs));
      }
      return trailers;
    }

    private ReportResponse store(ReportRequest request) {
      String device = DEVICE.get();
      received.add(request);
      forwardedFor.put(device, FORWARDED.get());
      boolean duplicate = stored.computeIfAbsent(device, d -> new ConcurrentSkipListMap<>())
          .putIfAbsent(request.getSequence(), request) != null;
      ReportResponse.Builder r = ReportResponse.newBuilder()
          .setAcknowledgedSequence(request.getSequence())
          .setDuplicate(duplicate)
          .setNextReportDelayMs(nextReportDelayMs)
          .setConfigVersion(config.getVersion())
          .setServerTimeMs(System.currentTimeMillis())
          .setRenewCertificate(askRenewal);
      if (request.getConfigVersion() < config.getVersion()) {
        r.setConfig(config);
      }
      return r.build();
    }

    @Override
    public void renew(RenewRequest request, StreamObserver<RenewResponse> out) {
      String device = DEVICE.get();
      try {
        X509Certificate c = pki.signClient(request.getCsrDer().toByteArray(), device, Duration.ofDays(30));
        renewals.incrementAndGet();
        askRenewal = false;
        out.onNext(RenewResponse.newBuilder()
            .setCertificateDer(ByteString.copyFrom(c.getEncoded()))
            .addCaCertificatesDer(ByteString.copyFrom(pki.ca().getEncoded()))
            .build());
        out.onCompleted();
      } catch (Exception e) {
        out.onError(Status.INVALID_ARGUMENT.withDescription("bad CSR").asRuntimeException());
      }
    }
  }
}
