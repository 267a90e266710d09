package io.telltale.agent;

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
    return new CommandLine(new AgentMain()).execute(args);
  }
}
