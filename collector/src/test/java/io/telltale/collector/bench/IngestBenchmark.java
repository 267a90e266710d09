package io.telltale.collector.bench;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.MoreExecutors;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.stub.StreamObserver;
import io.telltale.collector.CollectorFixture;
import io.telltale.collector.TestAgent;
import io.telltale.collector.ingest.StoredReportListener;
import io.telltale.collector.internal.Clock;
import io.telltale.collector.pki.CertificateAuthority;
import io.telltale.collector.store.EmbeddedPg;
import io.telltale.collector.store.sql.SqlTelemetryStore;
import io.telltale.proto.v1.AgentServiceGrpc;
import io.telltale.proto.v1.ReportRequest;
import io.telltale.proto.v1.ReportResponse;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Not a test: prints ingest reports/s through the real gRPC path (mTLS, auth, mapping, group commit, ack)
 * with SQLite (and PostgreSQL with -Dbench.pg=true), and the same messages against a bare grpc-java TLS
 * server that acks at once. Run:
 * <pre>
 * mvn -B -q -pl collector -am test-compile
 * java -cp "$(cat collector/target/bench.cp):collector/target/classes:collector/target/test-classes" \
 *   io.telltale.collector.bench.IngestBenchmark
 * </pre>
 * (bench.cp from {@code mvn -pl collector dependency:build-classpath -Dmdep.outputFile=target/bench.cp
 * -Dmdep.includeScope=test}). Knobs: -Dbench.agents=32 -Dbench.inflight=8 -Dbench.seconds=10.
 */
public final class IngestBenchmark {

  static final int AGENTS = Integer.getInteger("bench.agents", 32);
  static final int IN_FLIGHT = Integer.getInteger("bench.inflight", 8);
  static final int SECONDS = Integer.getInteger("bench.seconds", 10);
  static final int WARMUP_SECONDS = 3;

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("telltale-bench");
    System.out.printf("agents=%d in-flight/agent=%d measured=%ds (after %ds warm-up), heartbeat %d bytes%n",
        AGENTS, IN_FLIGHT, SECONDS, WARMUP_SECONDS, TestAgent.heartbeatRequest(1).getSerializedSize());
    bare(dir.resolve("bare"));
    collector("SQLite", dir.resolve("sqlite"), Map.of());
    if (Boolean.getBoolean("bench.pg")) {
      try (EmbeddedPg pg = EmbeddedPg.start(dir.resolve("pg"))) {
        collector("PostgreSQL", dir.resolve("pgc"), Map.of("TELLTALE_STORE_TYPE", "postgres",
            "TELLTALE_STORE_POSTGRES_URL", pg.jdbcUrl(), "TELLTALE_STORE_POSTGRES_USER", "postgres"));
      }
    }
    System.exit(0);
  }

  static void collector(String name, Path dir, Map<String, String> env) throws Exception {
    Map<String, String> all = new java.util.HashMap<>(env);
    all.put("TELLTALE_INGEST_QUEUE_CAPACITY", "20000");
    try (CollectorFixture f = CollectorFixture.start(dir, all, Clock.SYSTEM, StoredReportListener.NOOP)) {
      List<TestAgent> agents = new ArrayList<>();
      for (int i = 0; i < AGENTS; i++) {
        agents.add(f.enroll());
      }
      List<ManagedChannel> channels = agents.stream().map(a -> a.channel).toList();
      double rate = drive(channels);
      long[] stats = ((SqlTelemetryStore) f.collector.store()).writerStats();
      System.out.printf("%-28s %,10.0f reports/s  (%,d commits, %.1f reports/commit)%n", "collector + " + name + ":",
          rate, stats[0], stats[0] == 0 ? 0.0 : (double) stats[1] / stats[0]);
      agents.forEach(TestAgent::close);
    }
  }

  static void bare(Path dir) throws Exception {
    CertificateAuthority ca = CertificateAuthority.loadOrCreate(dir, Clock.SYSTEM);
    var id = ca.issueServerIdentity(List.of("127.0.0.1", "localhost"));
    Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .sslContext(GrpcSslContexts.configure(io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder.forServer(id.key(), id.certificate(), id.ca())).trustManager(ca.certificate())
            .clientAuth(ClientAuth.OPTIONAL).build())
        .addService(new AgentServiceGrpc.AgentServiceImplBase() {
          @Override
          public void report(ReportRequest req, StreamObserver<ReportResponse> out) {
            out.onNext(ReportResponse.newBuilder().setAcknowledgedSequence(req.getSequence())
                .setServerTimeMs(System.currentTimeMillis()).build());
            out.onCompleted();
          }
        }).build().start();
    List<ManagedChannel> channels = new ArrayList<>();
    for (int i = 0; i < AGENTS; i++) {
      KeyPair kp = TestAgent.keyPair();
      X509Certificate cert = ca.issueClientCertificate(java.util.UUID.randomUUID().toString(), kp.getPublic(),
          Duration.ofDays(1));
      channels.add(TestAgent.channel(server.getPort(), ca.certificate(), kp.getPrivate(), cert));
    }
    double rate = drive(channels);
    System.out.printf("%-28s %,10.0f reports/s%n", "bare grpc-java (ack only):", rate);
    channels.forEach(ManagedChannel::shutdownNow);
    server.shutdownNow();
  }

  /** Each channel keeps IN_FLIGHT reports outstanding with increasing sequences; returns acks/s measured. */
  static double drive(List<ManagedChannel> channels) throws Exception {
    AtomicLong acked = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    long end = System.nanoTime() + Duration.ofSeconds(WARMUP_SECONDS + SECONDS).toNanos();
    List<Thread> threads = new ArrayList<>();
    for (ManagedChannel ch : channels) {
      Thread t = new Thread(() -> {
        AgentServiceGrpc.AgentServiceFutureStub stub = AgentServiceGrpc.newFutureStub(ch);
        Semaphore window = new Semaphore(IN_FLIGHT);
        long seq = 1;
        while (System.nanoTime() < end) {
          window.acquireUninterruptibly();
          Futures.addCallback(stub.report(TestAgent.heartbeatRequest(seq++)), new FutureCallback<ReportResponse>() {
            @Override
            public void onSuccess(ReportResponse r) {
              acked.incrementAndGet();
              window.release();
            }

            @Override
            public void onFailure(Throwable e) {
              failed.incrementAndGet();
              window.release();
            }
          }, MoreExecutors.directExecutor());
        }
        window.acquireUninterruptibly(IN_FLIGHT);
      }, "bench-agent");
      threads.add(t);
      t.start();
    }
    long warmEnd = System.nanoTime() + Duration.ofSeconds(WARMUP_SECONDS).toNanos();
    while (System.nanoTime() < warmEnd) {
      Thread.sleep(50); // a benchmark driver, not a test
    }
    long start = acked.get();
    long t0 = System.nanoTime();
    for (Thread t : threads) {
      t.join();
    }
    long t1 = System.nanoTime();
    if (failed.get() > 0) {
      System.out.printf("  (%,d calls failed, e.g. RESOURCE_EXHAUSTED under overload)%n", failed.get());
    }
    return (acked.get() - start) / ((t1 - t0) / 1e9);
  }
}
