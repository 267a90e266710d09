package io.telltale.agent.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {

  @TempDir Path dir;

  private static byte[] bytes(long seq, int size) {
    byte[] b = new byte[size];
    byte[] s = Long.toString(seq).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(s, 0, b, 0, Math.min(s.length, size));
    return b;
  }

  private static List<Long> drain(Spool spool) {
    List<Long> seqs = new ArrayList<>();
    for (SpoolEntry e = spool.peek(); e != null; e = spool.peek()) {
      seqs.add(e.sequence());
      spool.acknowledge(e.sequence(), DropSummary.NONE);
    }
    return seqs;
  }

  @Test
  void append_assignsIncreasingSequences_andPeekReturnsOldestUntilAcknowledged() {
    try (Spool spool = new Spool(dir, Spool.DEFAULT_MAX_BYTES, "t")) {
      assertThat(spool.append(EntryKind.FULL, s -> bytes(s, 10))).isEqualTo(1);
      assertThat(spool.append(EntryKind.HEARTBEAT, s -> bytes(s, 10))).isEqualTo(2);
      assertThat(spool.peek().sequence()).isEqualTo(1);
      assertThat(spool.acknowledge(2, DropSummary.NONE)).as("not the oldest").isFalse();
      assertThat(spool.peek().sequence()).isEqualTo(1);
      assertThat(spool.acknowledge(1, DropSummary.NONE)).isTrue();
      assertThat(spool.peek().sequence()).isEqualTo(2);
      assertThat(spool.peek().kind()).isEqualTo(EntryKind.HEARTBEAT);
    }
  }

  @Test
  void peekMany_boundsCountAndBytes_andAcknowledgeThroughRemovesThemInOneStep() {
    try (Spool spool = new Spool(dir, Spool.DEFAULT_MAX_BYTES, "t")) {
      for (int i = 0; i < 6; i++) {
        spool.append(EntryKind.HEARTBEAT, s -> bytes(s, 100));
      }
      assertThat(spool.peek(4, 1 << 20)).extracting(SpoolEntry::sequence).containsExactly(1L, 2L, 3L, 4L);
      int one = spool.peek(1, 1 << 20).get(0).encodedSize();
      assertThat(spool.peek(10, 2L * one + 1)).hasSize(2);
      assertThat(spool.peek(10, 1)).as("the first always comes").hasSize(1);
      long before = spool.usedBytes();
      assertThat(spool.acknowledgeThrough(3, DropSummary.NONE)).isEqualTo(3);
      assertThat(spool.usedBytes()).isLessThan(before);
      assertThat(spool.acknowledgeThrough(3, DropSummary.NONE)).isZero();
      assertThat(spool.peek(10, 1 << 20)).extracting(SpoolEntry::sequence).containsExactly(4L, 5L, 6L);
    }
    try (Spool spool = new Spool(dir, Spool.DEFAULT_MAX_BYTES, "t")) { // durable
      spool.acknowledgeThrough(6, DropSummary.NONE);
      assertThat(spool.size()).isZero();
    }
    try (Spool spool = new Spool(dir, Spool.DEFAULT_MAX_BYTES, "t")) {
      assertThat(spool.size()).isZero();
      assertThat(spool.nextSequence()).as("sequences are not reused after emptying").isEqualTo(7);
    }
  }

  @Test
  void reopen_keepsUnacknowledgedReports_andNeverReusesASequence() {
    try (Spool spool = new Spool(dir, Spool.DEFAULT_MAX_BYTES, "t")) {
      for (int i = 0; i < 5; i++) {
        spool.append(EntryKind.HEARTBEAT, s -> bytes(s, 50));
      }
      spool.acknowledge(1, DropSummary.NONE);
      spool.acknowledge(2, DropSummary.NONE);
    }
    try (Spool spool = new Spool(dir, Spool.DEFAULT_MAX_BYTES, "t")) {
      assertThat(drain(spool)).containsExactly(3L, 4L, 5L);
    }
    try (Spool spool = new Spool(dir, Spool.DEFAULT_MAX_BYTES, "t")) {
      assertThat(spool.size()).isZero();
      assertThat(spool.append(EntryKind.HEARTBEAT, s -> bytes(s, 5))).as("after an emptied queue").isEqualTo(6);
    }
  }

  @Test
  void full_dropsOldestHeartbeatsFirst_countsThem_andKeepsFullReports() {
    long max = Spool.MIN_MAX_BYTES;
    try (Spool spool = new Spool(dir, max, "t")) {
      spool.append(EntryKind.FULL, s -> bytes(s, 20_000));
      for (int i = 0; i < 80; i++) {
        spool.append(EntryKind.HEARTBEAT, s -> bytes(s, 4_000));
      }
      assertThat(spool.usedBytes()).isLessThanOrEqualTo(max);
      DropSummary drops = spool.pendingDrops();
      assertThat(drops.count()).isPositive();
      assertThat(drops.firstSequence()).isEqualTo(2);
      List<Long> left = drain(spool);
      assertThat(left.get(0)).as("the full report is kept").isEqualTo(1L);
      assertThat(left.get(1)).isEqualTo(drops.lastSequence() + 1);
      assertThat(left).hasSize(81 - drops.count()).endsWith(81L);
    }
  }

  @Test
  void onlyFullReportsLeft_keepsTheNewestFull_andCountsTheOthers() {
    long max = Spool.MIN_MAX_BYTES;
    try (Spool spool = new Spool(dir, max, "t")) {
      for (int i = 0; i < 10; i++) {
        spool.append(EntryKind.FULL, s -> bytes(s, 60_000));
      }
      DropSummary drops = spool.pendingDrops();
      List<Long> left = drain(spool);
      assertThat(left).endsWith(10L);
      assertThat(drops.count()).isEqualTo(10 - left.size());
      assertThat(left.size() + drops.count()).isEqualTo(10);
    }
  }

  @Test
  void dropsSurviveRestart_andAreForgottenOnceAReportCarryingThemIsAcknowledged() {
    long max = Spool.MIN_MAX_BYTES;
    DropSummary drops;
    try (Spool spool = new Spool(dir, max, "t")) {
      for (int i = 0; i < 100; i++) {
        spool.append(EntryKind.HEARTBEAT, s -> bytes(s, 4_000));
      }
      drops = spool.pendingDrops();
      assertThat(drops.count()).isPositive();
    }
    try (Spool spool = new Spool(dir, max, "t")) {
      assertThat(spool.pendingDrops()).isEqualTo(drops);
      long head = spool.peek().sequence();
      spool.acknowledge(head, drops);
      assertThat(spool.pendingDrops()).isEqualTo(DropSummary.NONE);
    }
    try (Spool spool = new Spool(dir, max, "t")) {
      assertThat(spool.pendingDrops()).isEqualTo(DropSummary.NONE);
    }
  }

  @Test
  void heartbeatBehindAFull_isDroppedByRewrite_andTheQueueStaysReadableAfterReopen() {
    long max = Spool.MIN_MAX_BYTES;
    try (Spool spool = new Spool(dir, max, "t")) {
      spool.append(EntryKind.HEARTBEAT, s -> bytes(s, 4_000));
      spool.append(EntryKind.FULL, s -> bytes(s, 30_000));
      for (int i = 0; i < 70; i++) {
        spool.append(EntryKind.HEARTBEAT, s -> bytes(s, 4_000));
      }
    }
    try (Spool spool = new Spool(dir, max, "t")) {
      List<Long> left = drain(spool);
      assertThat(left).contains(2L).doesNotContain(1L, 3L).endsWith(72L);
      assertThat(left).isSorted();
    }
  }

  @Test
  void corruptQueueFile_isMovedAside_andSequencesJumpPastEverythingItCouldHold() throws Exception {
    try (Spool spool = new Spool(dir, Spool.DEFAULT_MAX_BYTES, "t")) {
      spool.append(EntryKind.HEARTBEAT, s -> bytes(s, 10));
    }
    Files.write(dir.resolve("spool.tape"), new byte[] {(byte) 0x80, 0, 0, 1, 9, 9, 9, 9});
    try (Spool spool = new Spool(dir, Spool.DEFAULT_MAX_BYTES, "t")) {
      assertThat(spool.check()).isNull();
      assertThat(spool.size()).isZero();
      assertThat(spool.nextSequence()).isGreaterThan(1000);
    }
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("spool.tape.corrupt-"));
    }
  }

  @Test
  void setAside_removesTheHead_andKeepsACopy() throws Exception {
    try (Spool spool = new Spool(dir, Spool.DEFAULT_MAX_BYTES, "t")) {
      spool.append(EntryKind.HEARTBEAT, s -> bytes(s, 10));
      spool.append(EntryKind.HEARTBEAT, s -> bytes(s, 10));
      assertThat(spool.setAside(1)).isTrue();
      assertThat(spool.peek().sequence()).isEqualTo(2);
    }
    assertThat(dir.resolve("rejected/1.pb")).exists();
  }
}
