package io.telltale.collector;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** The shared example scenarios next to the repository, for tests that use them only when present. */
public final class SharedScenarios {

  private SharedScenarios() {}

  /** ../shared/scenarios/examples/NAME from the repository root, found from the module directory upwards. */
  public static @Nullable Path example(String name) {
    Path dir = Path.of("").toAbsolutePath();
    for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
      Path candidate = dir.resolve("../shared/scenarios/examples").resolve(name).normalize();
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
