package io.telltale.collector.evaluate;

import io.telltale.agent.sim.FleetSimulator;
import io.telltale.agent.sim.Scenario;
import io.telltale.agent.sim.ScenarioLoader;
import io.telltale.agent.sim.SimulationSummary;
import io.telltale.agent.transport.ObservationFillers;
import io.telltale.collector.FakeClock;
import io.telltale.collector.pki.EnrollmentTokens;
import io.telltale.collector.review.ReviewFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * A review fixture whose data came the production way: a scenario played by the fleet simulator through the
 * agent's reporting path and the real protocol into a collector wired as {@code serve} wires it, the real
 * detection engine folding every stored report, the roster imported and the scenario's networks registered
 * as IP intelligence, then every device evaluated. The scenario is moved to end at the fixture's "now".
 */
public final class ScenarioFleet {

  /** What a run left behind: the fixture and the device id of each host name. */
  public record Played(ReviewFixture fx, Map<String, String> deviceIds) {}

  private ScenarioFleet() {}

  /** Plays {@code resource} (a scenario on the test classpath) into a new fixture under {@code dir}. */
  public static Played play(Path dir, String resource) throws Exception {
    Scenario loaded = ScenarioLoader.load(Path.of(ScenarioFleet.class.getResource(resource).toURI()));
    FakeClock clock = new FakeClock(Instant.now().truncatedTo(ChronoUnit.MINUTES));
    Scenario scenario = loaded.startingAt(clock.now().minus(Duration.between(loaded.start(), loaded.end())));
    Files.createDirectories(dir);
    Path intel = ScenarioWorld.writeIpIntel(scenario, dir);
    ReviewFixture fx = ReviewFixture.startWithEngine(dir.resolve("collector"), Map.of(
        // The simulator tells each laptop's public IP in X-Forwarded-For, as a proxy in front would.
        "TELLTALE_INGEST_TRUSTED_PROXIES", "127.0.0.1/32,::1/128",
        "TELLTALE_DETECT_IP_INTEL_FILE", intel.toString()), clock);
    try {
      fx.store().roster().replaceAll(ScenarioWorld.roster(scenario), clock.now());
      String token = new EnrollmentTokens(fx.store().tokens(), clock)
          .create(Duration.ofHours(1), scenario.devices().size()).secret();
      SimulationSummary sim = FleetSimulator.builder().scenario(scenario)
          .collector("127.0.0.1:" + fx.collector.port()).token(token)
          .caPem(Files.readString(fx.collector.collector.ca().certificateFile(), StandardCharsets.UTF_8))
          .sectionFillers(ObservationFillers.factory()).speed(FleetSimulator.Speed.MAX).rebaseToNow(false)
          .stateDir(dir.resolve("agents")).flushTimeout(Duration.ofMinutes(2)).build().run();
      if (sim.undelivered() > 0) {
        throw new IllegalStateException("simulation left " + sim.undelivered() + " reports undelivered");
      }
      var engine = fx.engine.engine();
      if (!engine.awaitIdle(Duration.ofMinutes(5))) {
        throw new IllegalStateException("detection did not catch up within 5 minutes");
      }
      engine.evaluateAll();
      return new Played(fx, sim.deviceIds());
    } catch (Exception | Error e) {
      fx.close();
      throw e;
    }
  }
}
