package io.telltale.agent.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Temporary directories for simulated devices and throwaway collectors. Where the OS offers a RAM-backed
 * file system ({@code /dev/shm} on Linux) with room to spare, they go there: a simulated agent syncs its
 * spool after every report exactly as a real one does (that code path is what is being exercised), but
 * on a simulated fleet of forty laptops replaying three days, the disk's sync latency would be most of the
 * run. Elsewhere they go to the default temporary directory.
 */
public final class ScratchDirectory {

  private static final Path RAM = Path.of("/dev/shm");
  /** Leave the RAM disk alone when it has less than this free. */
  private static final long MIN_FREE_BYTES = 2L * 1024 * 1024 * 1024;

  private ScratchDirectory() {}

  /** A new empty directory named {@code prefix...}; the caller deletes it. */
  public static Path create(String prefix) throws IOException {
    return roomy(RAM) ? Files.createTempDirectory(RAM, prefix) : Files.createTempDirectory(prefix);
  }

  private static boolean roomy(Path dir) {
    if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
      return false;
    }
    try {
      return Files.getFileStore(dir).getUsableSpace() >= MIN_FREE_BYTES;
    } catch (IOException e) {
      return false; // an unusual mount: the default temporary directory will do
    }
  }
}
