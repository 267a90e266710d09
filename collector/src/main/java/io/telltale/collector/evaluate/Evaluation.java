package io.telltale.collector.evaluate;

import static java.util.Objects.requireNonNull;

import io.telltale.agent.sim.FleetSimulator;
import io.telltale.agent.sim.Scenario;
import io.telltale.agent.sim.ScenarioLoader;
import io.telltale.agent.sim.SimulationSummary;
import io.telltale.agent.transport.ObservationFillers;
import io.telltale.collector.Collector;
import io.telltale.collector.CollectorServer;
import io.telltale.collector.config.CollectorConfig;
import io.telltale.collector.config.CollectorConfigLoader;
import io.telltale.collector.detect.Detection;
import io.telltale.collector.detect.DetectionEngine;
import io.telltale.collector.detect.Verdict;
import io.telltale.collector.detect.catalogue.CatalogueLoader;
import io.telltale.collector.detect.geo.PrefixFileIntel;
import io.telltale.collector.detect.sql.SqlDetectionRepository;
import io.telltale.collector.detect.sql.SqlPolicyVersions;
import io.telltale.collector.detect.sql.StoreFleetView;
import io.telltale.collector.detect.sql.StoreReportSource;
import io.telltale.collector.ingest.IngestMetrics;
import io.telltale.collector.pki.EnrollmentTokens;
import io.telltale.collector.store.sql.SqlTelemetryStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * One {@code evaluate} run: a collector on a temporary SQLite store and an ephemeral loopback port, the
 * scenario's roster and IP registration data written as files and read back by detection, the whole timeline
 * played through the fleet simulator and the real protocol as fast as possible, then every device evaluated
 * with "now" at the scenario's end. Blocking; not thread-safe (one run per instance).
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
    Scenario loaded = ScenarioLoader.load(scenarioFile);
    // Whole weeks earlier/later: the scenario ends just before now, so certificates and times are plausible.
    Scenario scenario = FleetSimulator.rebase(loaded, Instant.now());
    Instant end = scenario.end();
    Path intel = ScenarioWorld.writeIpIntel(scenario, workDir);
    Path config = writeConfig(intel);
    CollectorConfig cfg = CollectorConfigLoader.load(config, Map.of());
    Clock detectClock = Clock.fixed(end, ZoneOffset.UTC);
    AtomicReference<Detection> detection = new AtomicReference<>();
    try (Collector collector = Collector.create(cfg, io.telltale.collector.internal.Clock.SYSTEM, store -> {
      SqlTelemetryStore sql = (SqlTelemetryStore) store;
      Detection d;
      try {
        d = new Detection(CatalogueLoader.builtIn(), new SqlPolicyVersions(sql.database()), policyFile,
            new SqlDetectionRepository(sql.database()), new StoreFleetView(store), new StoreReportSource(store),
            io.telltale.collector.DetectionWiring.storeRoster(store),
            PrefixFileIntel.load(intel), detectClock, Duration.ofDays(1), cfg.detect().queue(),
            cfg.detect().cacheDevices());
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      detection.set(d.start());
      return detect ? d.engine()::submit : r -> { };
    }, IngestMetrics.NOOP)) {
      // The roster as an administrator would import it.
      collector.store().roster().replaceAll(ScenarioWorld.roster(scenario), Instant.now());
      var server = CollectorServer.build(collector, 0);
      server.start().join();
      try {
        String token = new EnrollmentTokens(collector.store().tokens(), io.telltale.collector.internal.Clock.SYSTEM)
            .create(Duration.ofHours(1), scenario.devices().size()).secret();
        SimulationSummary sim = FleetSimulator.builder().scenario(scenario)
            .collector("127.0.0.1:" + server.activeLocalPort()).token(token)
            .caPem(Files.readString(collector.ca().certificateFile(), StandardCharsets.UTF_8))
            .sectionFillers(ObservationFillers.factory()).speed(FleetSimulator.Speed.MAX).rebaseToNow(false)
            .stateDir(workDir.resolve("agents")).flushTimeout(Duration.ofMinutes(2)).build().run();
        DetectionEngine engine = detection.get().engine();
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
      } finally {
        server.stop().join();
        detection.get().close();
      }
    }
  }

  private Path writeConfig(Path intel) throws IOException {
    String yml = String.join("\n",
        "# written by evaluate",
        "data_dir: " + quote(workDir.resolve("data")),
        "server:",
        "  port: 0",
        "ingest:",
        "  trusted_proxies: [\"127.0.0.1/32\", \"::1/128\"]",
        "  handoff_queue: 100000",
        "detect:",
        "  ip_intel_file: " + quote(intel),
        "  queue: 100000",
        "");
    Path file = workDir.resolve("collector.yml");
    Files.writeString(file, yml, StandardCharsets.UTF_8);
    return file;
  }

  private static String quote(Path p) {
    return "\"" + p.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
