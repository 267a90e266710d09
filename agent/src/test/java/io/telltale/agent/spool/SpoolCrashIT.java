package io.telltale.agent.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/** Kills a JVM that is writing the spool with SIGKILL and checks what the reopened spool holds. */
class SpoolCrashIT {

  @TempDir Path dir;

  @RepeatedTest(3)
  void sigkillMidWrite_reopensWithEveryUnacknowledgedReport_andNoAcknowledgedOne() throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
            SpoolCrashChild.class.getName(), dir.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    TreeSet<Long> appended = new TreeSet<>();
    TreeSet<Long> acknowledged = new TreeSet<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      long killAt = 300 + 37L * (System.nanoTime() % 5);
      // Read to the end: the child goes on appending and acknowledging until the signal lands, and every line it
      // printed before dying is still in the pipe. Only an operation done but not yet printed is unknown.
      while ((line = r.readLine()) != null) {
        if (!line.startsWith("A ") && !line.startsWith("K ")) {
          continue; // logging status lines
        }
        long seq = Long.parseLong(line.substring(2));
        (line.charAt(0) == 'A' ? appended : acknowledged).add(seq);
        if (appended.size() == killAt) {
          // SIGKILL on Unix: no shutdown hooks, no flush. Through the handle, which (unlike Process) leaves the
          // pipe open to be read to its end.
          child.toHandle().destroyForcibly();
        }
      }
    }
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

    try (Spool spool = new Spool(dir, Spool.DEFAULT_MAX_BYTES, "parent")) {
      List<Long> present = new ArrayList<>();
      for (SpoolEntry e = spool.peek(); e != null; e = spool.peek()) {
        present.add(e.sequence());
        assertThat(e.payload()).hasSize(700);
        spool.acknowledge(e.sequence(), DropSummary.NONE);
      }
      TreeSet<Long> unacknowledged = new TreeSet<>(appended);
      unacknowledged.removeAll(acknowledged);
      // Nothing whose append returned is lost unless its acknowledgement may have happened (the last one).
      assertThat(present).isSorted().containsAll(withoutOneInFlightAck(unacknowledged, present));
      assertThat(present).as("acknowledged reports are not resent").doesNotContainAnyElementsOf(acknowledged);
      assertThat(spool.nextSequence()).as("no sequence reused").isGreaterThan(appended.last());
    }
  }

  /** The child may have removed the head and died before printing "K": that one report may be missing. */
  private static TreeSet<Long> withoutOneInFlightAck(TreeSet<Long> unacknowledged, List<Long> present) {
    TreeSet<Long> expected = new TreeSet<>(unacknowledged);
    TreeSet<Long> missing = new TreeSet<>(expected);
    missing.removeAll(present);
    assertThat(missing).as("at most the one in-flight acknowledgement").hasSizeLessThanOrEqualTo(1);
    if (!missing.isEmpty()) {
      assertThat(missing.first()).isEqualTo(expected.first());
      expected.remove(missing.first());
    }
    return expected;
  }
}
