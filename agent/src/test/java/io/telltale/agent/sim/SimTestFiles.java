package io.telltale.agent.sim;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** Locates the read-only shared scenario examples beside the repository, when they exist. */
final class SimTestFiles {

  private SimTestFiles() {}

  static @Nullable Path sharedExamples() {
    Path dir = Path.of("").toAbsolutePath();
    for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/scenarios/examples");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
      Path sibling = dir.resolveSibling("shared").resolve("scenarios/examples");
      if (Files.isDirectory(sibling)) {
        return sibling;
      }
    }
    return null;
  }
}
