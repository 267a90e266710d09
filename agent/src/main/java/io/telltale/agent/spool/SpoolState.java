package io.telltale.agent.spool;

import io.telltale.agent.internal.DurableFiles;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The spool's small sidecar file: the next sequence number and the drops not yet reported. Written
 * atomically (temporary file, fsync, rename, fsync of the directory), so after a crash it is either the old
 * or the new version, never half of each.
 */
record SpoolState(long nextSequence, DropSummary pendingDrops) {

  static final SpoolState INITIAL = new SpoolState(1, DropSummary.NONE);

  static SpoolState read(Path file) throws IOException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return INITIAL;
    }
    Properties p = new Properties();
    p.load(new StringReader(text));
    return new SpoolState(
        number(p, "next_sequence", 1),
        new DropSummary(
            (int) number(p, "dropped_count", 0), number(p, "dropped_first", 0), number(p, "dropped_last", 0)));
  }

  private static long number(Properties p, String key, long dflt) throws IOException {
    String v = p.getProperty(key);
    if (v == null) {
      return dflt;
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new IOException("spool state " + key + ": " + v + " (expected: a whole number)", e);
    }
  }

  void write(Path file) throws IOException {
    Properties p = new Properties();
    p.setProperty("next_sequence", Long.toString(nextSequence));
    p.setProperty("dropped_count", Integer.toString(pendingDrops.count()));
    p.setProperty("dropped_first", Long.toString(pendingDrops.firstSequence()));
    p.setProperty("dropped_last", Long.toString(pendingDrops.lastSequence()));
    StringWriter w = new StringWriter();
    p.store(w, "telltale spool state");
    DurableFiles.writeAtomically(file, w.toString().getBytes(StandardCharsets.UTF_8));
  }
}
