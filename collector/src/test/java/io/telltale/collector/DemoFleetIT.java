package io.telltale.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.telltale.agent.sim.FleetSimulator;
import io.telltale.agent.sim.Scenario;
import io.telltale.agent.sim.ScenarioLoader;
import io.telltale.agent.sim.SimulationSummary;
import io.telltale.collector.detect.DetectionEngine;
import io.telltale.collector.detect.Verdict;
import io.telltale.collector.evaluate.ScenarioPlay;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped demo fleet, played as the demo plays it (detection's "now" following the playback), up to
 * {@link #HOURS} hours into its three days: by then every farm laptop is flagged and no look-alike is. The
 * demo flags the farms within its first hours of scenario time; the whole history is what {@code demo} and
 * {@code evaluate --labels} play (minutes on a small machine, too long for every build).
 */
class DemoFleetIT {

  static final int HOURS = 12;

  @TempDir Path dir;

  @Test
  void firstHoursOfTheDemoFleet_flagEveryFarmLaptop_andNoLookAlike() throws Exception {
    Scenario full = ScenarioLoader.parse("demo-fleet.json", DemoFleetTest.text());
    Scenario s = FleetSimulator.rebase(full, Instant.now());
    Scenario firstHours = new Scenario(s.name(), s.description(), s.start(), HOURS, s.reportIntervalMinutes(),
        s.networks(), s.employees(), s.devices(), s.labels());
    try (ScenarioPlay play = ScenarioPlay.start(firstHours, new ScenarioPlay.Setup(dir, dir.resolve("agents"), 0,
        null, true, ScenarioPlay.runningFrom(firstHours.end()), true, Map.of(), 10))) {
      SimulationSummary sim = play.play();
      assertThat(sim.undelivered()).isZero();
      DetectionEngine engine = play.detection().engine();
      assertThat(engine.awaitIdle(Duration.ofMinutes(5))).isTrue();
      // Judged now, which to the collector is just after the hours played, as in the demo.
      engine.evaluateAll();
      for (Map.Entry<String, String> e : sim.deviceIds().entrySet()) {
        Verdict v = engine.repository().verdict(e.getValue()).orElseThrow();
        String label = full.labels().get(e.getKey());
        assertThat(v.flagged()).as("%s (%s): score %d, reasons %s", e.getKey(), label, v.score(), v.reasons())
            .isEqualTo("farm".equals(label));
      }
    }
  }
}
