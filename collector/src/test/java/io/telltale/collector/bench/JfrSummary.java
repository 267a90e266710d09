package io.telltale.collector.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the server's CPU went during the measured window, from a JFR recording's {@code jdk.ExecutionSample}
 * events: hottest methods by self time, self time by package, and each sample charged to the nearest
 * Telltale frame on its stack (what our code caused, including library work below it). Native code (SQLite's
 * C engine) is invisible to execution samples; the per-thread CPU table of the benchmark covers it.
 */
final class JfrSummary {

  private JfrSummary() {}

  static void print(Path recording, Instant from, Instant to) throws Exception {
    Map<String, Integer> self = new HashMap<>();
    Map<String, Integer> packages = new HashMap<>();
    Map<String, Integer> ours = new HashMap<>();
    Map<String, Integer> threads = new HashMap<>();
    int total = 0;
    for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
      if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStartTime().isBefore(from)
          || e.getStartTime().isAfter(to)) {
        continue;
      }
      RecordedStackTrace st = e.getStackTrace();
      if (st == null || st.getFrames().isEmpty()) {
        continue;
      }
      total++;
      List<RecordedFrame> frames = st.getFrames();
      RecordedFrame top = frames.get(0);
      String cls = top.getMethod().getType().getName();
      self.merge(shortName(cls) + "." + top.getMethod().getName(), 1, Integer::sum);
      packages.merge(packageOf(cls), 1, Integer::sum);
      String owner = "(no Telltale frame)";
      for (RecordedFrame f : frames) {
        String c = f.getMethod().getType().getName();
        if (c.startsWith("io.telltale.")) {
          owner = shortName(c) + "." + f.getMethod().getName();
          break;
        }
      }
      ours.merge(owner, 1, Integer::sum);
      var thread = e.getThread("sampledThread");
      threads.merge(thread == null ? "?" : thread.getJavaName().replaceAll("[0-9]+", ""), 1, Integer::sum);
    }
    System.out.printf("  JFR: %,d execution samples in the measured window (%s)%n", total, recording);
    table("hottest methods (self)", self, total, 20);
    table("self time by package", packages, total, 15);
    table("charged to the nearest Telltale frame", ours, total, 15);
    table("samples by thread", threads, total, 10);
  }

  private static void table(String title, Map<String, Integer> counts, int total, int limit) {
    System.out.println("  -- " + title);
    counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
        .forEach(e -> System.out.printf("    %5.1f %%  %s%n", 100.0 * e.getValue() / Math.max(1, total), e.getKey()));
  }

  private static String shortName(String cls) {
    String[] parts = cls.split("\\.");
    return parts.length <= 2 ? cls : parts[parts.length - 2] + "." + parts[parts.length - 1];
  }

  private static String packageOf(String cls) {
    String[] parts = cls.split("\\.");
    int n = Math.min(parts.length - 1, cls.startsWith("io.telltale.") ? 4 : 3);
    return String.join(".", java.util.Arrays.copyOf(parts, Math.max(1, n)));
  }
}
