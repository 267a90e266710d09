package io.telltale.agent.spool;

import com.squareup.tape2.QueueFile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Chooses which reports a full spool drops: oldest heartbeats, then oldest full reports but the newest. */
final class SpoolTrimmer {

  private SpoolTrimmer() {}

  record Plan(Set<Long> dropped, long freedBytes, int droppedHeartbeats, int droppedFull, boolean isPrefix) {}

  private record Item(long sequence, EntryKind kind, int bytes) {}

  /**
   * @param mustFree bytes to free
   * @param incomingIsFull whether the report being appended is a full one (then it is the newest full)
   */
  static Plan plan(QueueFile q, long mustFree, boolean incomingIsFull) {
    List<Item> items = new ArrayList<>(q.size());
    for (byte[] element : q) {
      items.add(new Item(SpoolEntry.sequenceOf(element), SpoolEntry.kindOf(element), 4 + element.length));
    }
    long newestFull = -1;
    if (!incomingIsFull) {
      for (Item i : items) {
        if (i.kind == EntryKind.FULL) {
          newestFull = i.sequence;
        }
      }
    }
    Set<Long> dropped = new HashSet<>();
    long freed = 0;
    int heartbeats = 0;
    int full = 0;
    for (Item i : items) {
      if (freed >= mustFree) {
        break;
      }
      if (i.kind == EntryKind.HEARTBEAT) {
        dropped.add(i.sequence);
        freed += i.bytes;
        heartbeats++;
      }
    }
    for (Item i : items) {
      if (freed >= mustFree) {
        break;
      }
      if (i.kind == EntryKind.FULL && i.sequence != newestFull) {
        dropped.add(i.sequence);
        freed += i.bytes;
        full++;
      }
    }
    boolean prefix = true;
    for (int k = 0; k < items.size(); k++) {
      if (dropped.contains(items.get(k).sequence) != (k < dropped.size())) {
        prefix = false;
        break;
      }
    }
    return new Plan(Set.copyOf(dropped), freed, heartbeats, full, prefix);
  }
}
