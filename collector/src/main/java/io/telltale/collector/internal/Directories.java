package io.telltale.collector.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Recursive deletion of scratch and demo directories. */
public final class Directories {

  private Directories() {}

  /** Deletes {@code dir} and everything under it; nothing when it does not exist. */
  public static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** As {@link #deleteRecursively}, returning the failure's message instead of throwing (null = deleted). */
  public static @org.jspecify.annotations.Nullable String deleteQuietly(Path dir) {
    try {
      deleteRecursively(dir);
      return null;
    } catch (IOException | RuntimeException e) {
      return e.toString();
    }
  }
}
