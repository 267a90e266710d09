package io.telltale.collector;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code demo}: a collector plus a simulated fleet with laptop farms, until stopped. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"A collector and a simulated fleet with laptop farms; prints the console URL and password.",
        "",
        "Starts a collector on the embedded store and plays the built-in demo fleet through the fleet simulator "
            + "and the real agent protocol: 47 laptops over three days, with two laptop farms of different styles "
            + "and harmless look-alikes. Prints the console URL and the administrator's password as soon as it "
            + "is up, then progress; the farms are flagged, with their evidence, while the history plays. Serves "
            + "until Ctrl-C.",
        "",
        "The data directory is emptied first when an earlier demo made it; any other non-empty directory is "
            + "refused. Exit codes: 0 stopped, 1 could not start (the message says why), 2 usage error."})
final class DemoCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "telltale-demo",
      description = "where the demo keeps its store and CA (default: ${DEFAULT-VALUE})")
  Path dataDir;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "8443",
      description = "HTTPS port of the console, API and agents; 0 = any free port (default: ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--scenario", paramLabel = "FILE",
      description = "play this scenario (telltale-scenario/1) instead of the built-in demo fleet")
  @Nullable Path scenario;

  @Option(names = "--verbose", description = "also print the collector's log (INFO); by default warnings only")
  boolean verbose;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (port < 0 || port > 65535) {
      err.println("demo: --port " + port + " (expected: 0..65535)");
      return 2;
    }
    Runnable restoreLog = verbose ? () -> { } : quietLog();
    Demo demo;
    try {
      demo = Demo.start(new Demo.Options(dataDir, port, scenario), out);
    } catch (RuntimeException | java.io.IOException e) {
      restoreLog.run();
      err.println("demo: " + e.getMessage());
      return 1;
    }
    Thread hook = new Thread(() -> {
      demo.close();
      out.println("  Demo stopped.");
      out.flush();
    }, "telltale-demo-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      demo.play();
      demo.awaitClosed();
    } catch (InterruptedException e) { // stopped by the caller (tests); Ctrl-C goes through the hook
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      if (!demo.isClosed()) {
        err.println("demo: the simulated fleet failed: " + e.getMessage());
        return 1;
      }
    } finally {
      boolean interrupted = Thread.interrupted(); // closing waits for the store; an interrupt would cut it short
      demo.close();
      restoreLog.run();
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // shutting down: the hook is running
      }
    }
    return 0;
  }

  /**
   * The demo prints its own progress; the collector's INFO lines (one per flagged device, per caught-up
   * report batch) would bury it. Returns how to undo.
   */
  private static Runnable quietLog() {
    if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
      ch.qos.logback.classic.Level before = root.getLevel();
      root.setLevel(ch.qos.logback.classic.Level.WARN);
      return () -> root.setLevel(before);
    }
    return () -> { };
  }
}
