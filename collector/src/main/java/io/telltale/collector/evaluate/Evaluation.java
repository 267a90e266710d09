package io.telltale.collector.evaluate;

import static java.util.Objects.requireNonNull;

import io.telltale.agent.sim.FleetSimulator;
import io.telltale.agent.sim.Scenario;
import io.telltale.agent.sim.ScenarioLoader;
import io.telltale.agent.sim.SimulationSummary;
import io.telltale.collector.detect.DetectionEngine;
import io.telltale.collector.detect.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One {@code evaluate} run: a {@link ScenarioPlay} on a temporary SQLite store and an ephemeral loopback
 * port, the whole timeline played as fast as possible, then every device evaluated with "now" at the
 * scenario's end. Blocking; not thread-safe (one run per instance).
 */
public final class Evaluation {

  private final Path scenarioFile;
  private final @Nullable Path policyFile;
  private final Path workDir;
  private final boolean detect;

  public Evaluation(Path scenarioFile, @Nullable Path policyFile, Path workDir, boolean detect) {
    this.detect = detect;
    this.scenarioFile = requireNonNull(scenarioFile, "scenarioFile");
    this.policyFile = policyFile;
    this.workDir = requireNonNull(workDir, "workDir");
  }

  /** One device's outcome. */
  public record DeviceResult(String hostname, Verdict verdict) {}

  /** Everything a run produced; {@code labels} are the scenario's own (may be empty). */
  public record Result(List<DeviceResult> devices, SimulationSummary simulation, Duration elapsed,
      Map<String, String> labels) {}

  public Result run() throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    // Whole weeks earlier/later: the scenario ends just before now, so certificates and times are plausible.
    Scenario scenario = FleetSimulator.rebase(ScenarioLoader.load(scenarioFile), Instant.now());
    try (ScenarioPlay play = ScenarioPlay.start(scenario, ScenarioPlay.Setup.evaluation(workDir, policyFile, detect))) {
      SimulationSummary sim = play.play();
      DetectionEngine engine = play.detection().engine();
      if (!engine.awaitIdle(Duration.ofMinutes(15))) {
        throw new IllegalStateException("detection did not catch up within 15 minutes");
      }
      engine.evaluateAll();
      List<DeviceResult> out = new ArrayList<>();
      for (Map.Entry<String, String> e : sim.deviceIds().entrySet()) {
        engine.repository().verdict(e.getValue()).ifPresent(v -> out.add(new DeviceResult(e.getKey(), v)));
      }
      out.sort(Comparator.comparing(DeviceResult::hostname));
      return new Result(out, sim, Duration.ofNanos(System.nanoTime() - t0), scenario.labels());
    }
  }
}
