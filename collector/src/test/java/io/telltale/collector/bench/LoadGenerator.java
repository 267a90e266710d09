package io.telltale.collector.bench;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import io.telltale.collector.TestAgent;
import io.telltale.proto.v1.AgentServiceGrpc;
import io.telltale.proto.v1.ReportRequest;
import io.telltale.proto.v1.ReportResponse;
import java.io.DataInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Simulated devices, each with its own certificate and TLS connection, reporting like agents do: one report
 * in flight per device, increasing sequences, a report that failed is re-sent with the same sequence. The
 * device's clock advances 5 minutes per report (its activity minutes and sightings look like a real
 * 5-minute cadence), and every {@code fullEvery}-th report of a device is FULL. Keeps at most
 * {@code inFlight} calls outstanding overall, optionally capped at {@code rate} reports/s.
 */
final class LoadGenerator implements AutoCloseable {

  private static final long REPORT_INTERVAL_MS = 300_000;
  private static final Metadata.Key<String> FORWARDED_FOR =
      Metadata.Key.of("x-forwarded-for", Metadata.ASCII_STRING_MARSHALLER);

  private final class Device {
    final int index;
    final AgentServiceGrpc.AgentServiceStub stub;
    final int phase;
    long sequence = 1;
    long reports;
    int fulls;

    Device(int index, AgentServiceGrpc.AgentServiceStub stub) {
      this.index = index;
      this.stub = stub;
      this.phase = index % fullEvery;
    }

    ReportRequest next() {
      long observed = simulatedStart + sequence * REPORT_INTERVAL_MS;
      boolean full = sequence == 1 || (sequence + phase) % fullEvery == 0;
      return full ? BenchMessages.full(index, sequence, observed, fulls) : BenchMessages.heartbeat(index, sequence, observed);
    }
  }

  final LongAdder acked = new LongAdder();
  final LongAdder ackedFull = new LongAdder();
  final LongAdder bytesSent = new LongAdder();
  final Map<Status.Code, LongAdder> failures = new ConcurrentHashMap<>();
  final LatencyRecorder latency = new LatencyRecorder();
  /** The first failure of each status code, described (for the printout). */
  final Map<Status.Code, String> firstFailure = new ConcurrentHashMap<>();

  private final int fullEvery;
  private final long simulatedStart = System.currentTimeMillis() - 7 * 24 * 3_600_000L;
  private final List<ManagedChannel> channels = new ArrayList<>();
  private final List<Device> devices = new ArrayList<>();
  private final BlockingQueue<Device> idle;

  LoadGenerator(int port, X509Certificate ca, Path identities, int fullEvery) throws Exception {
    this.fullEvery = fullEvery;
    try (DataInputStream in = new DataInputStream(Files.newInputStream(identities))) {
      int n = in.readInt();
      idle = new ArrayBlockingQueue<>(n);
      KeyFactory ec = KeyFactory.getInstance("EC");
      for (int i = 0; i < n; i++) {
        in.readUTF();
        PrivateKey key = ec.generatePrivate(new PKCS8EncodedKeySpec(bytes(in)));
        X509Certificate cert = TestAgent.certificate(bytes(in));
        String ip = BenchMessages.publicIp(i);
        ManagedChannel ch = NettyChannelBuilder.forAddress("127.0.0.1", port)
            .sslContext(GrpcSslContexts.forClient().trustManager(ca).keyManager(key, cert).build())
            .directExecutor()
            .intercept(forwardedFor(ip))
            .build();
        channels.add(ch);
        devices.add(new Device(i, AgentServiceGrpc.newStub(ch)));
      }
    }
    List<Device> shuffled = new ArrayList<>(devices);
    Collections.shuffle(shuffled, new java.util.Random(42));
    idle.addAll(shuffled);
  }

  int devices() {
    return devices.size();
  }

  /**
   * Sends reports until {@code untilNanos}, at most {@code inFlight} outstanding and (when rate > 0) at most
   * {@code rate} per second. Returns once every outstanding call has finished.
   */
  void run(long untilNanos, int inFlight, double rate) throws InterruptedException {
    Semaphore window = new Semaphore(inFlight);
    long start = System.nanoTime();
    long sent = 0;
    while (System.nanoTime() < untilNanos) {
      if (rate > 0) {
        long wait = start + (long) (sent * 1e9 / rate) - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
      }
      if (!window.tryAcquire(100, TimeUnit.MILLISECONDS)) {
        continue;
      }
      Device d = idle.poll(100, TimeUnit.MILLISECONDS);
      if (d == null) {
        window.release();
        continue;
      }
      send(d, window);
      sent++;
    }
    window.acquire(inFlight);
    window.release(inFlight);
  }

  /** Every device sends its first report (a FULL: the inventory at enrollment) until all are acknowledged. */
  void initialReports(int inFlight) throws InterruptedException {
    Semaphore window = new Semaphore(inFlight);
    List<Device> done = new ArrayList<>();
    while (done.size() < devices.size()) {
      window.acquire();
      Device d = idle.poll(100, TimeUnit.MILLISECONDS);
      if (d == null) {
        window.release();
      } else if (d.reports > 0) {
        window.release();
        done.add(d);
      } else {
        send(d, window);
      }
    }
    window.acquire(inFlight);
    window.release(inFlight);
    idle.addAll(done);
  }

  private void send(Device d, Semaphore window) {
    ReportRequest req = d.next();
    boolean full = req.hasSoftware();
    bytesSent.add(req.getSerializedSize());
    long t0 = System.nanoTime();
    d.stub.withDeadlineAfter(60, TimeUnit.SECONDS).report(req, new StreamObserver<>() {
      @Override
      public void onNext(ReportResponse r) {}

      @Override
      public void onError(Throwable t) {
        Status status = Status.fromThrowable(t);
        failures.computeIfAbsent(status.getCode(), k -> new LongAdder()).increment();
        firstFailure.putIfAbsent(status.getCode(), String.valueOf(status.getDescription())
            + (status.getCause() == null ? "" : " / " + status.getCause()));
        done(); // same sequence again next time, as the agent's spool would
      }

      @Override
      public void onCompleted() {
        latency.recordNanos(System.nanoTime() - t0);
        acked.increment();
        if (full) {
          ackedFull.increment();
          d.fulls++;
        }
        d.sequence++;
        d.reports++;
        done();
      }

      private void done() {
        idle.add(d);
        window.release();
      }
    });
  }

  private static ClientInterceptor forwardedFor(String ip) {
    return new ClientInterceptor() {
      @Override
      public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
          @Override
          public void start(Listener<R> listener, Metadata headers) {
            headers.put(FORWARDED_FOR, ip);
            super.start(listener, headers);
          }
        };
      }
    };
  }

  private static byte[] bytes(DataInputStream in) throws java.io.IOException {
    byte[] b = new byte[in.readInt()];
    in.readFully(b);
    return b;
  }

  @Override
  public void close() {
    channels.forEach(ManagedChannel::shutdownNow);
  }
}
