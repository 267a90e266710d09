package io.telltale.agent.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.slf4j.LoggerFactory;

/** Files that survive a crash or a power cut: the spool's state, the revocation marker. */
public final class DurableFiles {

  private DurableFiles() {}

  /**
   * Replaces {@code file} with {@code bytes} so that a crash leaves either the old or the new content, on disk
   * when this returns: the file and its directory entry forced (the latter best effort).
   */
  public static void writeAtomically(Path file, byte[] bytes) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer b = ByteBuffer.wrap(bytes);
      while (b.hasRemaining()) {
        ch.write(b);
      }
      ch.force(true);
    }
    java.nio.file.Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    syncDirectory(file.toAbsolutePath().getParent());
  }

  /** Makes a rename durable. Directories cannot be opened for fsync on every OS; there it is best effort. */
  public static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Windows refuses to open a directory as a channel; NTFS journals the rename itself.
      LoggerFactory.getLogger(DurableFiles.class).debug("directory fsync unsupported: {}", e.toString());
    }
  }
}
