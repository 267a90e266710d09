package io.telltale.agent;

import io.telltale.agent.config.AgentConfig;
import io.telltale.agent.config.AgentConfigLoader;
import io.telltale.agent.config.AgentState;
import io.telltale.agent.config.Revocation;
import io.telltale.agent.internal.Clock;
import io.telltale.agent.probe.HostRoot;
import io.telltale.agent.probe.Probes;
import io.telltale.agent.transport.ObservationFillers;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code run}: reports on a schedule until stopped; SIGTERM shuts down cleanly with the spool intact. Exits 0
 * when the collector revokes the device, and at once, without observing, on a device it revoked earlier.
 */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Report to the collector until stopped.")
final class RunCommand implements Callable<Integer> {

  @Option(names = "--config", description = "agent.yml (keys can also come from TELLTALE_* environment variables).")
  Path config;

  @Override
  public Integer call() throws Exception {
    AgentConfig cfg;
    Agent agent;
    try {
      cfg = AgentConfigLoader.fromSystem().load(config);
      // Before any probe exists: a revoked device observes nothing, not even once.
      AgentState state = new AgentState(cfg.stateDir());
      Optional<Revocation> revoked = state.revocation();
      if (revoked.isPresent()) {
        return RevokedDevice.stayStopped(state, revoked.get());
      }
      agent = Agent.create(cfg, Probes.forCurrentPlatform(HostRoot.live(), java.time.Clock.systemUTC()),
          ObservationFillers.factory(), Clock.system());
    } catch (IllegalArgumentException | IllegalStateException e) {
      System.err.println(e.getMessage());
      return 2;
    }
    Thread hook = new Thread(agent::close, "telltale-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    agent.start();
    int code = agent.awaitStop();
    agent.close();
    return code;
  }
}
