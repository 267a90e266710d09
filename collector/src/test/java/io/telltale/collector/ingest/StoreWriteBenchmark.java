package io.telltale.collector.ingest;

import io.telltale.collector.bench.BenchMessages;
import io.telltale.collector.model.DeviceReport;
import io.telltale.collector.store.ReportWriter.WriteResult;
import io.telltale.collector.store.TelemetryStore;
import io.telltale.collector.store.sql.SqlTelemetryStore;
import io.telltale.collector.store.sql.sqlite.SqliteTelemetryStores;
import io.telltale.proto.v1.ReportRequest;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Not a test: the store's share of ingest alone (mapping from protobuf included, no network): the same
 * heartbeat/FULL mix as the ingest benchmark written through the group-commit writer of a SQLite store, with
 * the writer thread's CPU time per report. Run with the test classpath; knobs -Dbench.devices=2000,
 * -Dbench.reports=60000, -Dbench.fullEvery=24.
 */
public final class StoreWriteBenchmark {

  private StoreWriteBenchmark() {}

  public static void main(String[] args) throws Exception {
    int devices = Integer.getInteger("bench.devices", 2000);
    int reports = Integer.getInteger("bench.reports", 60_000);
    int fullEvery = Integer.getInteger("bench.fullEvery", 24);
    Path dir = Files.createTempDirectory("telltale-store-bench");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < devices; i++) {
      ids.add(UUID.randomUUID().toString());
    }
    long start = System.currentTimeMillis() - 7 * 24 * 3_600_000L;
    try (TelemetryStore store = SqliteTelemetryStores.create(dir.resolve("t.db"), 20_000, 500)) {
      long[] seq = new long[devices];
      int[] fulls = new int[devices];
      // initial FULL of every device, then warm-up, then the measured part
      long f0 = System.nanoTime();
      run(store, ids, seq, fulls, devices, 1, start);
      System.out.printf("initial FULL of %d devices: %.1f s%n", devices, (System.nanoTime() - f0) / 1e9);
      run(store, ids, seq, fulls, reports / 3, fullEvery, start);
      ThreadMXBean t = ManagementFactory.getThreadMXBean();
      long writer = writerThread(t);
      long w0 = t.getThreadCpuTime(writer);
      long p0 = processCpu();
      long[] s0 = ((SqlTelemetryStore) store).writerStats();
      long n0 = System.nanoTime();
      run(store, ids, seq, fulls, reports, fullEvery, start);
      long n1 = System.nanoTime();
      long[] s1 = ((SqlTelemetryStore) store).writerStats();
      System.out.printf("store only (SQLite, %d devices, FULL every %d): %,d reports in %.1f s = %,.0f/s;"
              + " writer thread %.3f ms CPU/report, whole process %.3f ms/report (mapping, GC and JIT included);"
              + " %.1f reports/commit; load %s%n",
          devices, fullEvery, reports, (n1 - n0) / 1e9, reports / ((n1 - n0) / 1e9),
          (t.getThreadCpuTime(writer) - w0) / 1e6 / reports, (processCpu() - p0) / 1e6 / reports,
          (double) (s1[1] - s0[1]) / Math.max(1, s1[0] - s0[0]),
          Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }
    System.exit(0);
  }

  private static void run(TelemetryStore store, List<String> ids, long[] seq, int[] fulls, int count, int fullEvery,
      long start) throws Exception {
    List<CompletableFuture<WriteResult>> window = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      int d = n % ids.size();
      long s = ++seq[d];
      long observed = start + s * 300_000L;
      ReportRequest req = s == 1 || (s + d) % fullEvery == 0 ? BenchMessages.full(d, s, observed, fulls[d]++)
          : BenchMessages.heartbeat(d, s, observed);
      DeviceReport r = ProtoMapper.toReport(req, ids.get(d), Instant.now(), BenchMessages.publicIp(d));
      window.add(store.writer().write(r));
      if (window.size() >= 2_000) {
        CompletableFuture.allOf(window.toArray(CompletableFuture[]::new)).get(600, TimeUnit.SECONDS);
        window.clear();
      }
    }
    CompletableFuture.allOf(window.toArray(CompletableFuture[]::new)).get(600, TimeUnit.SECONDS);
  }

  private static long writerThread(ThreadMXBean t) {
    for (var info : t.getThreadInfo(t.getAllThreadIds())) {
      if (info != null && info.getThreadName().equals("telltale-store-writer")) {
        return info.getThreadId();
      }
    }
    throw new IllegalStateException("no writer thread");
  }

  private static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
