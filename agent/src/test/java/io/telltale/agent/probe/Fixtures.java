package io.telltale.agent.probe;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Access to captured OS output under {@code src/test/resources/fixtures/<os>/}. */
public final class Fixtures {

  private Fixtures() {}

  /** The Linux host tree ({@code fixtures/linux/host}), read in place (it holds symbolic links). */
  public static HostRoot linuxHost() {
    Path p = Path.of("src/test/resources/fixtures/linux/host").toAbsolutePath();
    if (!Files.isDirectory(p)) {
      throw new IllegalStateException("fixture tree not found (run tests from the agent module): " + p);
    }
    return new HostRoot(p);
  }

  /** A fixture file's text, e.g. {@code text("macos", "pmset-batt-ac.txt")}. */
  public static String text(String os, String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + os + "/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no fixture /fixtures/" + os + "/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
