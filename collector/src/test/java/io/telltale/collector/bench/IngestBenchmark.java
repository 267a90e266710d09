package io.telltale.collector.bench;

import io.telltale.collector.TestAgent;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Not a test: measures ingest through the real path (mTLS, auth, mapping, group commit, ack, detection
 * hand-off) with the server in its own JVM ({@link BenchServer}) and this JVM as the fleet
 * ({@link LoadGenerator}), on loopback. Besides reports/s it records the server's CPU time per report (so a
 * figure taken on a busy shared machine still says what two dedicated cores would do), the client's CPU per
 * report, reports per commit, client-side ack latency and ack-to-listener latency. Run (see BENCHMARKS.md):
 * <pre>
 * ./mvnw -B -q -pl collector -am -Pbench-ingest -DskipTests verify
 * </pre>
 * Knobs (system properties, or -Dbench.args for the Maven profile): bench.modes=bare-grpc,sqlite (also
 * bare-armeria, postgres), bench.devices=2000, bench.inflight=256, bench.rate=0 (reports/s cap, 0 = none),
 * bench.warmup=15, bench.seconds=30 (measured), bench.fullEvery=24, bench.listener=detect|state|noop (detect: the
 * real detection engine wired as {@code serve} wires it; state: read the device's state per report; noop),
 * bench.jfr=false,
 * bench.serverJvm="-Xmx1g".
 */
public final class IngestBenchmark {

  static final String MODES = System.getProperty("bench.modes", "bare-grpc,sqlite");
  static final int DEVICES = Integer.getInteger("bench.devices", 2000);
  static final int IN_FLIGHT = Integer.getInteger("bench.inflight", 256);
  static final double RATE = Double.parseDouble(System.getProperty("bench.rate", "0"));
  static final int WARMUP = Integer.getInteger("bench.warmup", 15);
  static final int SECONDS = Integer.getInteger("bench.seconds", 30);
  static final int FULL_EVERY = Integer.getInteger("bench.fullEvery", 24);
  static final String LISTENER = System.getProperty("bench.listener", "detect");
  static final boolean JFR = Boolean.getBoolean("bench.jfr");
  static final String SERVER_JVM = System.getProperty("bench.serverJvm", "-Xmx1g");

  private IngestBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("telltale-ingest-bench");
    System.out.printf("ingest benchmark: devices=%d in-flight=%d rate=%s warm-up=%ds measured=%ds FULL every %d"
            + " reports per device, listener=%s; load average %s, %d cores%n",
        DEVICES, IN_FLIGHT, RATE > 0 ? String.format("%.0f/s", RATE) : "max", WARMUP, SECONDS, FULL_EVERY, LISTENER,
        loadAverage(), Runtime.getRuntime().availableProcessors());
    System.out.printf("message sizes: heartbeat %d bytes, FULL %,d bytes (protobuf, without gRPC framing)%n",
        BenchMessages.heartbeat(7, 100, System.currentTimeMillis()).getSerializedSize(),
        BenchMessages.full(7, 100, System.currentTimeMillis(), 0).getSerializedSize());
    List<String> lines = new ArrayList<>();
    for (String mode : MODES.split(",")) {
      lines.add(run(mode.trim(), dir.resolve(mode.trim())));
    }
    System.out.println();
    System.out.println("summary (server CPU/report is process CPU time over the measured window divided by reports"
        + " acknowledged in it; 2-core capacity = 2 CPU-seconds per second / that):");
    lines.forEach(System.out::println);
    System.out.printf("load average at the end: %s%n", loadAverage());
    System.exit(0);
  }

  static String run(String mode, Path dir) throws Exception {
    System.out.printf("%n== %s%n", mode);
    Files.createDirectories(dir);
    Path jfr = dir.resolve("server.jfr");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(List.of(SERVER_JVM.trim().split("\\s+")));
    if (JFR) {
      cmd.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile,dumponexit=true");
    }
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchServer.class.getName(), mode,
        dir.toString(), Integer.toString(DEVICES), LISTENER));
    Process server = new ProcessBuilder(cmd).redirectError(dir.resolve("server.log").toFile()).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter in = new PrintWriter(server.getOutputStream(), true, StandardCharsets.UTF_8)) {
      long setup = System.nanoTime();
      Map<String, String> ready = fields(expect(out, "READY", dir));
      System.out.printf("  server up, %d devices enrolled in %.1f s (log: %s)%n", DEVICES,
          (System.nanoTime() - setup) / 1e9, dir.resolve("server.log"));
      X509Certificate ca = TestAgent.certificate(Files.readAllBytes(Path.of(ready.get("ca")))); // PEM is accepted
      try (LoadGenerator load = new LoadGenerator(Integer.parseInt(ready.get("port")), ca,
          Path.of(ready.get("identities")), FULL_EVERY)) {
        long t = System.nanoTime();
        load.initialReports(IN_FLIGHT);
        System.out.printf("  initial FULL of every device acknowledged in %.1f s (connections and TLS handshakes"
            + " included)%n", (System.nanoTime() - t) / 1e9);
        load.run(System.nanoTime() + TimeUnit.SECONDS.toNanos(WARMUP), IN_FLIGHT, RATE);
        in.println("reset");
        expect(out, "OK", dir);
        load.latency.reset();
        in.println("stats");
        Map<String, String> s0 = fields(expect(out, "STATS", dir));
        long a0 = load.acked.sum();
        long f0 = load.ackedFull.sum();
        long b0 = load.bytesSent.sum();
        long c0 = processCpuNanos();
        Instant from = Instant.now();
        long t0 = System.nanoTime();
        load.run(t0 + TimeUnit.SECONDS.toNanos(SECONDS), IN_FLIGHT, RATE);
        long t1 = System.nanoTime();
        Instant to = Instant.now();
        long c1 = processCpuNanos();
        in.println("stats");
        Map<String, String> s1 = fields(expect(out, "STATS", dir));
        long reports = load.acked.sum() - a0;
        double secs = (t1 - t0) / 1e9;
        double serverCpuMs = (num(s1, "cpu_ns") - num(s0, "cpu_ns")) / 1e6;
        double clientCpuMs = (c1 - c0) / 1e6;
        double perReport = serverCpuMs / Math.max(1, reports);
        System.out.printf("  %,d reports acknowledged in %.1f s (%,d FULL, %.0f bytes/report avg): %,.0f reports/s%n",
            reports, secs, load.ackedFull.sum() - f0, (double) (load.bytesSent.sum() - b0) / Math.max(1, reports),
            reports / secs);
        System.out.printf("  server CPU %.3f ms/report (%.2f cores busy), client CPU %.3f ms/report%n", perReport,
            serverCpuMs / 1e3 / secs, clientCpuMs / Math.max(1, reports));
        System.out.printf("  ack latency (client, send to ack): %s%n", load.latency.summary());
        if (!load.failures.isEmpty()) {
          System.out.printf("  failed calls (re-sent later): %s; first of each: %s%n", load.failures, load.firstFailure);
        }
        String commits = "";
        if (s1.containsKey("commits")) {
          long c = num(s1, "commits") - num(s0, "commits");
          long n = num(s1, "committed") - num(s0, "committed");
          commits = String.format("%.1f reports/commit", (double) n / Math.max(1, c));
          System.out.printf("  %,d commits, %s, %d writes failed; ack->listener done: p50 %.1f ms, p99 %.1f ms,"
                  + " max %.0f ms (%s listener)%n", c, commits, num(s1, "failed") - num(s0, "failed"),
              Double.parseDouble(s1.get("handoff_p50_ms")), Double.parseDouble(s1.get("handoff_p99_ms")),
              Double.parseDouble(s1.get("handoff_max_ms")), LISTENER);
          commits += String.format(", ack->listener p50/p99 %s/%s ms", s1.get("handoff_p50_ms"),
              s1.get("handoff_p99_ms"));
        }
        if (s1.containsKey("detect_processed")) {
          long stored = num(s1, "listened") - num(s0, "listened");
          long processed = num(s1, "detect_processed") - num(s0, "detect_processed");
          System.out.printf("  detection: %,d of %,d handed-off reports processed in the window, %d dropped, %d failures"
                  + " (behind by %,d at the end)%n", processed, stored, num(s1, "detect_dropped") - num(s0, "detect_dropped"),
              num(s1, "detect_failures") - num(s0, "detect_failures"), num(s1, "listened") - num(s1, "detect_processed"));
        }
        System.out.printf("  server GC pauses %d ms, JIT compiling %d ms during the window (wall time, not CPU)%n",
            num(s1, "gc_ms") - num(s0, "gc_ms"), num(s1, "jit_ms") - num(s0, "jit_ms"));
        System.out.println("  server CPU by thread group (GC and JIT threads are not listed), microseconds per report:");
        threadBreakdown(s0, s1, reports);
        in.println("quit");
        expect(out, "BYE", dir);
        server.waitFor(60, TimeUnit.SECONDS);
        if (JFR) {
          JfrSummary.print(jfr, from, to);
        }
        return String.format("  %-13s %,8.0f reports/s measured | server %.3f ms CPU/report -> %,7.0f reports/s on 2"
                + " cores | client %.3f ms/report | ack p50/p99 %.1f/%.1f ms | %s",
            mode, reports / secs, perReport, 2000 / perReport, clientCpuMs / Math.max(1, reports),
            load.latency.percentileMs(50), load.latency.percentileMs(99), commits);
      }
    } finally {
      server.destroy();
      if (!server.waitFor(30, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  private static void threadBreakdown(Map<String, String> s0, Map<String, String> s1, long reports) {
    Map<String, Long> diff = new TreeMap<>();
    for (Map.Entry<String, String> e : s1.entrySet()) {
      if (e.getKey().startsWith("thread.")) {
        long d = Long.parseLong(e.getValue()) - Long.parseLong(s0.getOrDefault(e.getKey(), "0"));
        if (d > 0) {
          diff.put(e.getKey().substring(7), d);
        }
      }
    }
    diff.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
        .forEach(e -> System.out.printf("    %8.1f  %s%n", e.getValue() / 1e3 / Math.max(1, reports), e.getKey()));
  }

  private static String expect(BufferedReader out, String prefix, Path dir) throws Exception {
    for (String line; (line = out.readLine()) != null; ) {
      if (line.startsWith(prefix)) {
        return line;
      }
    }
    throw new IllegalStateException("bench server ended before " + prefix + "; see " + dir.resolve("server.log"));
  }

  private static Map<String, String> fields(String line) {
    Map<String, String> m = new HashMap<>();
    for (String part : line.split(" ")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        m.put(part.substring(0, eq), part.substring(eq + 1));
      }
    }
    return m;
  }

  private static long num(Map<String, String> m, String key) {
    return Long.parseLong(m.getOrDefault(key, "0"));
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim().split(" ", 4)[0] + " (1 min)";
    } catch (java.io.IOException e) {
      return String.format("%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }
}
