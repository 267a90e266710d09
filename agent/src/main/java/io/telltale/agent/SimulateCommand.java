package io.telltale.agent;

import io.telltale.agent.sim.FleetSimulator;
import io.telltale.agent.sim.ScenarioException;
import io.telltale.agent.sim.SimulationSummary;
import io.telltale.agent.transport.ObservationFillers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code simulate}: plays a scenario's fleet against a collector through the real agent protocol. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = "Simulate a fleet of agents from a scenario file (telltale-scenario/1).")
final class SimulateCommand implements Callable<Integer> {

  @Option(names = "--scenario", required = true, description = "Scenario file (JSON).")
  Path scenario;

  @Option(names = "--collector", required = true, description = "Collector HOST:PORT.")
  String collector;

  @Option(names = "--token", required = true, description = "Enrollment token (each device enrolls with it).")
  String token;

  @Option(names = "--ca", required = true, description = "The collector's CA certificate (PEM file).")
  Path ca;

  @Option(names = "--speed", defaultValue = "max", description = "realtime or max (default: ${DEFAULT-VALUE}).")
  String speed;

  @Option(names = "--rebase-to-now", description = "Shift the scenario by whole weeks so it ends just before now.")
  boolean rebase;

  @Option(names = "--state-dir", description = "Where simulated devices keep identity and spool (default: a temp dir).")
  Path stateDir;

  @Override
  public Integer call() throws Exception {
    FleetSimulator.Speed s;
    switch (speed) {
      case "max" -> s = FleetSimulator.Speed.MAX;
      case "realtime" -> s = FleetSimulator.Speed.REALTIME;
      default -> {
        System.err.println("--speed: " + speed + " (expected: realtime or max)");
        return 2;
      }
    }
    try {
      FleetSimulator.Builder b = FleetSimulator.builder().scenario(scenario).collector(collector).token(token)
          .caPem(Files.readString(ca)).sectionFillers(ObservationFillers.factory()).speed(s).rebaseToNow(rebase);
      if (stateDir != null) {
        b.stateDir(stateDir);
      }
      SimulationSummary summary = b.build().run();
      System.out.println(summary);
      return summary.undelivered() == 0 ? 0 : 1;
    } catch (ScenarioException e) {
      System.err.println(e.getMessage());
      return 2;
    } catch (IllegalStateException | IllegalArgumentException e) {
      System.err.println(e.getMessage());
      return 1;
    }
  }
}
