package io.telltale.collector;

import io.telltale.collector.review.cli.CtlCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code telltale-collector.jar}. Each subcommand is its own class; this class only wires
 * them. Exit codes: 0 success, 1 runtime failure, 2 usage error.
 */
@Command(
    name = "telltale-collector",
    mixinStandardHelpOptions = true,
    versionProvider = CollectorVersion.class,
    description = "Telltale collector: ingest, store, detect, review and alert.",
    subcommands = {DemoCommand.class, ServeCommand.class, TokenCommand.class, DeviceCommand.class, CtlCommand.class,
        PolicyCommand.class, io.telltale.collector.evaluate.EvaluateCommand.class})
public final class CollectorMain {

  private CollectorMain() {}

  public static void main(String[] args) {
    java.util.OptionalInt child = ShortRunJvm.run(args);
    System.exit(child.isPresent() ? child.getAsInt() : run(args));
  }

  /** Runs the command line without exiting the JVM; used by tests. */
  public static int run(String... args) {
    return new CommandLine(new CollectorMain()).execute(args);
  }

  /** As {@link #run(String...)}, printing to {@code out} and {@code err}; used by tests. */
  public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
    return new CommandLine(new CollectorMain()).setOut(out).setErr(err).execute(args);
  }
}
