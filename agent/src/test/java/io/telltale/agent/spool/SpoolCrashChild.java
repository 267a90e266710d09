package io.telltale.agent.spool;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Child JVM of {@link SpoolCrashIT}: appends and acknowledges reports forever, printing "A seq" after each
 * append returned and "K seq" after each acknowledgement returned, until the parent kills it with SIGKILL.
 */
public final class SpoolCrashChild {

  private SpoolCrashChild() {}

  public static void main(String[] args) {
    PrintStream out = System.out;
    Spool spool = new Spool(Path.of(args[0]), Spool.DEFAULT_MAX_BYTES, "child");
    byte[] payload = new byte[700];
    for (long i = 0; ; i++) {
      long seq = spool.append(i % 10 == 0 ? EntryKind.FULL : EntryKind.HEARTBEAT, s -> payload);
      out.println("A " + seq);
      out.flush();
      if (i % 3 != 2) {
        SpoolEntry head = spool.peek();
        if (head != null && spool.acknowledge(head.sequence(), DropSummary.NONE)) {
          out.println("K " + head.sequence());
          out.flush();
        }
      }
    }
  }
}
