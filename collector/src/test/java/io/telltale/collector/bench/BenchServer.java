package io.telltale.collector.bench;

import com.linecorp.armeria.common.SessionProtocol;
import com.linecorp.armeria.server.Server;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.stub.StreamObserver;
import io.telltale.collector.Collector;
import io.telltale.collector.CollectorServer;
import io.telltale.collector.TestAgent;
import io.telltale.collector.config.CollectorConfig;
import io.telltale.collector.config.CollectorConfigLoader;
import io.telltale.collector.ingest.IngestMetrics;
import io.telltale.collector.ingest.StoredReportListener;
import io.telltale.collector.internal.Clock;
import io.telltale.collector.model.OsFamily;
import io.telltale.collector.pki.CertificateAuthority;
import io.telltale.collector.pki.DeviceEnrollment;
import io.telltale.collector.pki.EnrollmentTokens;
import io.telltale.collector.store.EmbeddedPg;
import io.telltale.collector.store.TelemetryStore;
import io.telltale.collector.store.sql.SqlTelemetryStore;
import io.telltale.proto.v1.AgentServiceGrpc;
import io.telltale.proto.v1.ReportRequest;
import io.telltale.proto.v1.ReportResponse;
import java.io.BufferedReader;
import java.io.DataOutputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;

/**
 * The server half of {@link IngestBenchmark}, run in its own JVM so its CPU time is its own. Modes:
 * {@code sqlite} / {@code postgres} (the real collector through the production wiring), {@code bare-grpc}
 * (grpc-java, acks at once) and {@code bare-armeria} (Armeria's gRPC service, acks at once). Issues one
 * certificate per simulated device up front and writes them to a file for the load generator. Then answers
 * commands on stdin: {@code stats} prints one {@code STATS key=value ...} line, {@code reset} clears the
 * latency histogram, {@code quit} exits.
 */
public final class BenchServer {

  private static final LatencyRecorder handOff = new LatencyRecorder();
  private static final LongAdder listened = new LongAdder();
  private static volatile TelemetryStore store;
  private static volatile io.telltale.collector.detect.@org.jspecify.annotations.Nullable DetectionEngine engine;

  private BenchServer() {}

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    Path dir = Path.of(args[1]);
    int devices = Integer.parseInt(args[2]);
    String listener = args.length > 3 ? args[3] : "detect";
    Files.createDirectories(dir);
    Path identities = dir.resolve("identities.bin");
    AutoCloseable running;
    int port;
    Path caFile;
    switch (mode) {
      case "sqlite", "postgres" -> {
        Map<String, String> env = new HashMap<>();
        EmbeddedPg pg = null;
        if (mode.equals("postgres")) {
          pg = EmbeddedPg.start(dir.resolve("pg"));
          env.put("TELLTALE_STORE_TYPE", "postgres");
          env.put("TELLTALE_STORE_POSTGRES_URL", pg.jdbcUrl());
          env.put("TELLTALE_STORE_POSTGRES_USER", "postgres");
        }
        env.put("TELLTALE_DATA_DIR", dir.resolve("data").toString());
        env.put("TELLTALE_INGEST_QUEUE_CAPACITY", "20000");
        env.put("TELLTALE_INGEST_TRUSTED_PROXIES", "127.0.0.1/32");
        CollectorConfig config = CollectorConfigLoader.load(null, env);
        java.util.concurrent.atomic.AtomicReference<io.telltale.collector.detect.Detection> detection =
            new java.util.concurrent.atomic.AtomicReference<>();
        Collector collector = Collector.create(config, Clock.SYSTEM, s -> {
          if (!listener.equals("detect")) {
            return listener(listener, s);
          }
          try { // as ServeCommand wires it
            detection.set(io.telltale.collector.DetectionWiring.create(config.detect(), s,
                io.telltale.collector.detect.Detection.clock(Clock.SYSTEM)));
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
          var eng = detection.get().engine();
          engine = eng;
          return r -> {
            eng.submit(r);
            listened.increment();
          };
        }, new Metrics());
        if (detection.get() != null) {
          detection.get().start();
        }
        store = collector.store();
        caFile = collector.ca().certificateFile();
        enroll(collector, devices, identities);
        Server server = CollectorServer.build(collector, 0);
        server.start().join();
        port = server.activeLocalPort(SessionProtocol.HTTPS);
        EmbeddedPg db = pg;
        running = () -> {
          server.stop().join();
          if (detection.get() != null) {
            detection.get().close();
          }
          collector.close();
          if (db != null) {
            db.close();
          }
        };
      }
      case "bare-grpc" -> {
        CertificateAuthority ca = CertificateAuthority.loadOrCreate(dir.resolve("ca"), Clock.SYSTEM);
        caFile = ca.certificateFile();
        issue(ca, devices, identities);
        var id = ca.issueServerIdentity(List.of("127.0.0.1", "localhost"));
        io.grpc.Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
            .sslContext(GrpcSslContexts.configure(SslContextBuilder.forServer(id.key(), id.certificate(), id.ca()))
                .trustManager(ca.certificate()).clientAuth(ClientAuth.OPTIONAL).build())
            .addService(new AckOnly()).build().start();
        port = server.getPort();
        running = server::shutdownNow;
      }
      case "bare-armeria" -> {
        CertificateAuthority ca = CertificateAuthority.loadOrCreate(dir.resolve("ca"), Clock.SYSTEM);
        caFile = ca.certificateFile();
        issue(ca, devices, identities);
        var id = ca.issueServerIdentity(List.of("127.0.0.1", "localhost"));
        Server server = Server.builder().https(0).tls(id.key(), id.certificate(), id.ca())
            .tlsCustomizer(b -> b.clientAuth(io.netty.handler.ssl.ClientAuth.OPTIONAL).trustManager(ca.certificate()))
            .service(com.linecorp.armeria.server.grpc.GrpcService.builder().addService(new AckOnly()).build())
            .build();
        server.start().join();
        port = server.activeLocalPort(SessionProtocol.HTTPS);
        running = () -> server.stop().join();
      }
      default -> throw new IllegalArgumentException("mode: " + mode
          + " (expected: sqlite, postgres, bare-grpc or bare-armeria)");
    }
    System.out.println("READY port=" + port + " identities=" + identities + " ca=" + caFile);
    System.out.flush();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line; (line = in.readLine()) != null; ) {
      switch (line.trim()) {
        case "stats" -> System.out.println("STATS " + stats());
        case "reset" -> {
          handOff.reset();
          System.out.println("OK");
        }
        case "quit" -> {
          running.close();
          System.out.println("BYE");
          System.out.flush();
          System.exit(0);
        }
        default -> System.out.println("ERR unknown command: " + line);
      }
      System.out.flush();
    }
    running.close();
    System.exit(0);
  }

  /**
   * The detection stand-in: reads the device's merged state from the store, as detection does for every
   * report ("noop" skips it, to price it separately).
   */
  private static StoredReportListener listener(String mode, TelemetryStore s) {
    return switch (mode) {
      case "noop" -> r -> listened.increment();
      case "state" -> r -> {
        s.queries().deviceState(r.deviceId()).orElseThrow();
        listened.increment();
      };
      default -> throw new IllegalArgumentException("listener: " + mode + " (expected: detect, state or noop)");
    };
  }

  private static final class Metrics implements IngestMetrics {
    @Override
    public void listenerFinished(long nanosSinceAck) {
      handOff.recordNanos(nanosSinceAck);
    }
  }

  /** Enrolls through DeviceEnrollment (CSR, signing, token use, device row), as the Enroll RPC does. */
  private static void enroll(Collector collector, int devices, Path out) throws Exception {
    String token = new EnrollmentTokens(collector.store().tokens(), Clock.SYSTEM).create(Duration.ofDays(1), devices)
        .secret();
    DeviceEnrollment enrollment = new DeviceEnrollment(collector.ca(), collector.store().devices(), Clock.SYSTEM,
        Duration.ofDays(90));
    // Four at a time: key generation and signing overlap with the (serialized) device inserts.
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    List<java.util.concurrent.Future<Object[]>> enrolled = new java.util.ArrayList<>();
    for (int i = 0; i < devices; i++) {
      int n = i;
      enrolled.add(pool.submit(() -> {
        KeyPair kp = TestAgent.keyPair();
        var result = enrollment.enroll(new DeviceEnrollment.Request(token, TestAgent.csr(kp), "LT-" + n, "PF" + n,
            OsFamily.WINDOWS, "0.1.0"));
        if (!(result instanceof DeviceEnrollment.Enrolled e)) {
          throw new IllegalStateException("enrollment refused: " + result);
        }
        return new Object[] {e.device().id(), kp, e.certificate()};
      }));
    }
    try (DataOutputStream o = new DataOutputStream(Files.newOutputStream(out))) {
      o.writeInt(devices);
      for (var f : enrolled) {
        Object[] r = f.get();
        write(o, (String) r[0], (KeyPair) r[1], (X509Certificate) r[2]);
      }
    } finally {
      pool.shutdown();
    }
  }

  private static void issue(CertificateAuthority ca, int devices, Path out) throws Exception {
    try (DataOutputStream o = new DataOutputStream(Files.newOutputStream(out))) {
      o.writeInt(devices);
      for (int i = 0; i < devices; i++) {
        KeyPair kp = TestAgent.keyPair();
        String id = UUID.randomUUID().toString();
        write(o, id, kp, ca.issueClientCertificate(id, kp.getPublic(), Duration.ofDays(1)));
      }
    }
  }

  private static void write(DataOutputStream o, String id, KeyPair kp, X509Certificate cert) throws Exception {
    o.writeUTF(id);
    byte[] key = kp.getPrivate().getEncoded();
    o.writeInt(key.length);
    o.write(key);
    byte[] der = cert.getEncoded();
    o.writeInt(der.length);
    o.write(der);
  }

  /** Process CPU, CPU per thread group, writer and listener counters, hand-off latency since the last reset. */
  private static String stats() {
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    StringBuilder b = new StringBuilder();
    b.append("cpu_ns=").append(os.getProcessCpuTime());
    TelemetryStore s = store;
    if (s instanceof SqlTelemetryStore sql) {
      long[] w = sql.writerStats();
      b.append(" commits=").append(w[0]).append(" committed=").append(w[1]).append(" failed=").append(w[2]);
    }
    b.append(" listened=").append(listened.sum());
    var eng = engine;
    if (eng != null) {
      b.append(" detect_processed=").append(eng.processed()).append(" detect_dropped=").append(eng.dropped())
          .append(" detect_failures=").append(eng.failures());
    }
    long gcMs = 0;
    for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      gcMs += Math.max(0, gc.getCollectionTime());
    }
    b.append(" gc_ms=").append(gcMs)
        .append(" jit_ms=").append(ManagementFactory.getCompilationMXBean().getTotalCompilationTime());
    b.append(" handoff_n=").append(handOff.count())
        .append(" handoff_p50_ms=").append(handOff.percentileMs(50))
        .append(" handoff_p99_ms=").append(handOff.percentileMs(99))
        .append(" handoff_max_ms=").append(handOff.percentileMs(100));
    for (Map.Entry<String, Long> e : threadCpu().entrySet()) {
      b.append(" thread.").append(e.getKey()).append('=').append(e.getValue());
    }
    return b.toString();
  }

  /** CPU nanoseconds of live threads, grouped by name with digits removed (e.g. armeria-common-worker-epoll-). */
  private static Map<String, Long> threadCpu() {
    ThreadMXBean t = ManagementFactory.getThreadMXBean();
    Map<String, Long> out = new TreeMap<>();
    for (ThreadInfo info : t.getThreadInfo(t.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      long cpu = t.getThreadCpuTime(info.getThreadId());
      if (cpu > 0) {
        String group = info.getThreadName().replaceAll("[0-9]+", "").replaceAll("[^A-Za-z_.-]", "_");
        out.merge(group, cpu, Long::sum);
      }
    }
    return out;
  }

  private static final class AckOnly extends AgentServiceGrpc.AgentServiceImplBase {
    @Override
    public void report(ReportRequest req, StreamObserver<ReportResponse> out) {
      out.onNext(ReportResponse.newBuilder().setAcknowledgedSequence(req.getSequence())
          .setServerTimeMs(System.currentTimeMillis()).build());
      out.onCompleted();
    }
  }
}
