package io.telltale.agent;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code telltale-agent.jar}. Each subcommand is its own class; this class only wires them.
 * Exit codes: 0 success, 1 runtime failure, 2 usage error.
 */
@Command(
    name = "telltale-agent",
    mixinStandardHelpOptions = true,
    versionProvider = AgentVersion.class,
    description = "Telltale endpoint agent: observes this machine and reports to a Telltale collector.",
    subcommands = {CollectCommand.class, EnrollCommand.class, RunCommand.class, SimulateCommand.class})
public final class AgentMain {

  private AgentMain() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line without exiting the JVM; used by tests. */
  public static int run(String... args) {
    // `collect --once` skips picocli: building its model is a quarter of that command's start-up, and the
    // command is what an employee runs to see what is sent (see agent/RATIONALE.md). Anything the simple
    // parser does not accept, help and mistakes included, goes through picocli as every other command.
    CollectCommand collect = CollectCommand.parseSimple(args);
    if (collect != null) {
      return runCollect(collect);
    }
    return new CommandLine(new AgentMain()).execute(args);
  }

  private static int runCollect(CollectCommand collect) {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    try {
      return collect.run(out, err);
    } catch (Exception e) { // as picocli reports a failed command: the error, exit code 1
      e.printStackTrace(err);
      return 1;
    } finally {
      out.flush();
      err.flush();
    }
  }
}
