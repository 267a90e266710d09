package io.telltale.agent.probe.common;

import io.telltale.agent.probe.ProbeException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs an OS command with a timeout and returns its standard output. Standard error is discarded (it may
 * hold user data and is never logged). Blocks up to the timeout; a command that overruns is killed.
 * Thread-safe.
 */
public final class Command {

  /** Default timeout: commands we use answer in well under a second; a hung one must not stall a pass. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  // Command output we parse is small; this bounds memory if a tool goes wild.
  private static final int MAX_OUTPUT_BYTES = 16 << 20;

  private Command() {}

  /** Runs {@code argv} with the default timeout. */
  public static String run(String... argv) throws ProbeException {
    return run(DEFAULT_TIMEOUT, argv);
  }

  /**
   * Runs {@code argv}; returns stdout (UTF-8). Fails with "command not found: x", "timed out after N ms: x"
   * or "x exited with N".
   */
  public static String run(Duration timeout, String... argv) throws ProbeException {
    String exe = argv[0];
    Process p;
    try {
      p = new ProcessBuilder(List.of(argv)).redirectError(ProcessBuilder.Redirect.DISCARD)
          .redirectInput(ProcessBuilder.Redirect.PIPE).start();
      p.getOutputStream().close();
    } catch (IOException e) {
      throw new ProbeException("command not found: " + exe, e);
    }
    OutputReader reader = new OutputReader(p.getInputStream());
    Thread t = new Thread(reader, "telltale-cmd-" + exe);
    t.setDaemon(true);
    t.start();
    try {
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new ProbeException("timed out after " + timeout.toMillis() + " ms: " + exe);
      }
      t.join(timeout.toMillis());
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new ProbeException("interrupted: " + exe, e);
    }
    if (p.exitValue() != 0) {
      throw new ProbeException(exe + " exited with " + p.exitValue());
    }
    return reader.text();
  }

  private static final class OutputReader implements Runnable {
    private final InputStream in;
    private volatile byte[] bytes = new byte[0];

    OutputReader(InputStream in) {
      this.in = in;
    }

    @Override
    public void run() {
      try (in) {
        bytes = in.readNBytes(MAX_OUTPUT_BYTES);
      } catch (IOException e) {
        // The process was killed or closed its output early; what was read so far is all there is.
        bytes = new byte[0];
      }
    }

    String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }
}
