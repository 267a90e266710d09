package io.telltale.collector.evaluate;

import static java.util.Objects.requireNonNull;

import com.linecorp.armeria.server.Server;
import io.telltale.agent.sim.FleetSimulator;
import io.telltale.agent.sim.Scenario;
import io.telltale.agent.sim.SimulationSummary;
import io.telltale.agent.transport.ObservationFillers;
import io.telltale.collector.Collector;
import io.telltale.collector.CollectorServer;
import io.telltale.collector.DetectionWiring;
import io.telltale.collector.config.CollectorConfig;
import io.telltale.collector.config.CollectorConfigLoader;
import io.telltale.collector.detect.Detection;
import io.telltale.collector.ingest.IngestMetrics;
import io.telltale.collector.internal.Clock;
import io.telltale.collector.pki.EnrollmentTokens;
import io.telltale.collector.review.EngineDetection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAccumulator;
import org.jspecify.annotations.Nullable;

/**
 * A collector wired as {@code serve} wires it (SQLite store, detection, console and API, HTTPS on one port),
 * set up for one scenario: the scenario's networks as an IP-intelligence file, its employees imported as the
 * roster, an enrollment token for its devices. {@link #play} then plays the scenario through the fleet
 * simulator and the real agent protocol on loopback. Shared by {@code evaluate} and {@code demo}.
 *
 * <p>Detection's "now" is either fixed at the scenario's end ({@link Setup#followPlayback} false: every
 * verdict is judged as at the end, as {@code evaluate} wants), or follows the playback: the newest observation
 * time stored so far, so verdicts while a history is played fast are those a real-time run would have shown
 * at that moment, and after {@link #play} returns it is the collector's clock.
 *
 * <p>Not thread-safe except {@link #reportsStored()} and {@link #playedUntil()}; {@link #close()} stops
 * everything and is idempotent.
 */
public final class ScenarioPlay implements AutoCloseable {

  /**
   * How to set the collector up.
   *
   * @param dir where the configuration, the intel file and the store ({@code data/}) go
   * @param agentsDir where the simulated agents keep their state (identity, spool)
   * @param port HTTPS port, 0 = any free one
   * @param policyFile detection policy (null = the built-in one)
   * @param detect false to measure the replay without detection (benchmarks)
   * @param clock the collector's clock
   * @param followPlayback detection's "now" follows the playback (else: fixed at the scenario's end)
   * @param env environment overrides the configuration takes ({@code TELLTALE_ADMIN_PASSWORD} and the like)
   * @param sweepMinutes how often detection re-evaluates every device
   */
  public record Setup(Path dir, Path agentsDir, int port, @Nullable Path policyFile, boolean detect, Clock clock,
      boolean followPlayback, Map<String, String> env, int sweepMinutes) {
    public Setup {
      requireNonNull(dir, "dir");
      requireNonNull(agentsDir, "agentsDir");
      requireNonNull(clock, "clock");
      env = Map.copyOf(env);
    }

    /** A throwaway collector on an ephemeral port, judging at the scenario's end, the system clock. */
    public static Setup evaluation(Path dir, @Nullable Path policyFile, boolean detect) {
      return new Setup(dir, dir.resolve("agents"), 0, policyFile, detect, Clock.SYSTEM, false, Map.of(), 1440);
    }
  }

  private final Scenario scenario;
  private final Setup setup;
  private final Collector collector;
  private final Server server;
  private final AtomicReference<Detection> detection;
  private final AtomicLong stored;
  private final PlaybackClock playback;
  private boolean closed;

  private ScenarioPlay(Scenario scenario, Setup setup, Collector collector, Server server,
      AtomicReference<Detection> detection, AtomicLong stored, PlaybackClock playback) {
    this.scenario = scenario;
    this.setup = setup;
    this.collector = collector;
    this.server = server;
    this.detection = detection;
    this.stored = stored;
    this.playback = playback;
  }

  /**
   * Builds the collector for {@code scenario} (already placed in time) and starts serving. Blocks until the
   * port is bound.
   *
   * @throws java.util.concurrent.CompletionException when the port cannot be bound (cause: the bind error)
   */
  public static ScenarioPlay start(Scenario scenario, Setup setup) throws IOException {
    requireNonNull(scenario, "scenario");
    StartupWarmup.start();
    Path intel = ScenarioWorld.writeIpIntel(scenario, setup.dir());
    CollectorConfig cfg = CollectorConfigLoader.load(writeConfig(setup, intel), setup.env());
    PlaybackClock playback = new PlaybackClock(setup.clock(), setup.followPlayback() ? scenario.start() : scenario.end(),
        setup.followPlayback());
    AtomicReference<Detection> detection = new AtomicReference<>();
    AtomicLong stored = new AtomicLong();
    Collector collector = Collector.create(cfg, setup.clock(), store -> {
      try {
        detection.set(DetectionWiring.create(cfg.detect(), store, playback));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return report -> {
        stored.incrementAndGet();
        playback.observed(report.observedAt());
        if (setup.detect()) {
          detection.get().engine().submit(report);
        }
      };
    }, IngestMetrics.NOOP, store -> EngineDetection.binding(detection.get().engine(), setup.clock()));
    Server server = CollectorServer.build(collector, setup.port());
    try {
      // The roster as an administrator would import it.
      collector.store().roster().replaceAll(ScenarioWorld.roster(scenario), setup.clock().now());
      detection.get().start();
      server.start().join();
      collector.fleetJobs().start();
    } catch (RuntimeException | Error e) {
      server.stop().join();
      detection.get().close();
      collector.close();
      throw e;
    }
    return new ScenarioPlay(scenario, setup, collector, server, detection, stored, playback);
  }

  /**
   * A collector clock that reads {@code t} now and runs on in real time: a history that ended at {@code t}
   * then ends "now" to the collector, whatever day it was placed on.
   */
  public static Clock runningFrom(Instant t) {
    Duration behind = Duration.between(t, Instant.now());
    return () -> Instant.now().minus(behind);
  }

  private static Path writeConfig(Setup setup, Path intel) throws IOException {
    String yml = String.join("\n",
        "# written for one scenario play (evaluate, demo)",
        "data_dir: " + quote(setup.dir().resolve("data")),
        "server:",
        "  port: " + setup.port(),
        "ingest:",
        "  trusted_proxies: [\"127.0.0.1/32\", \"::1/128\"]",
        "  handoff_queue: 100000",
        "detect:",
        "  ip_intel_file: " + quote(intel),
        "  policy_file: " + (setup.policyFile() == null ? "\"\"" : quote(setup.policyFile())),
        "  queue: 100000",
        "  sweep_minutes: " + setup.sweepMinutes(),
        "");
    Path file = setup.dir().resolve("collector.yml");
    Files.writeString(file, yml, StandardCharsets.UTF_8);
    return file;
  }

  private static String quote(Path p) {
    return "\"" + p.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /**
   * Enrolls every device of the scenario and plays its whole timeline as fast as possible; returns once
   * every device delivered its backlog. Afterwards detection's "now" is the collector's clock when it
   * followed the playback.
   */
  public SimulationSummary play() throws IOException {
    String token = new EnrollmentTokens(collector.store().tokens(), setup.clock())
        .create(Duration.ofHours(1), scenario.devices().size()).secret();
    try {
      return FleetSimulator.builder().scenario(scenario)
          .collector("127.0.0.1:" + server.activeLocalPort()).token(token)
          .caPem(Files.readString(collector.ca().certificateFile(), StandardCharsets.UTF_8))
          .sectionFillers(ObservationFillers.factory()).speed(FleetSimulator.Speed.MAX).rebaseToNow(false)
          .stateDir(setup.agentsDir()).flushTimeout(Duration.ofMinutes(2)).build().run();
    } finally {
      playback.release();
    }
  }

  public Scenario scenario() {
    return scenario;
  }

  public Collector collector() {
    return collector;
  }

  public Detection detection() {
    return detection.get();
  }

  /** The bound HTTPS port. */
  public int port() {
    return server.activeLocalPort();
  }

  /** Reports stored so far (duplicates not counted). Thread-safe. */
  public long reportsStored() {
    return stored.get();
  }

  /** The newest observation time stored so far (the scenario's start before any). Thread-safe. */
  public Instant playedUntil() {
    return playback.frontier();
  }

  /** Stops serving, then detection, then the collector (draining what is queued). Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    server.stop().join();
    detection.get().close();
    collector.close();
  }

  /**
   * Detection's clock: the newest observation played so far (never past the collector's clock) while a
   * history is being played, the collector's clock once released; or a fixed instant.
   */
  static final class PlaybackClock extends java.time.Clock {
    private final Clock clock;
    private final boolean follow;
    private final LongAccumulator frontier;
    private volatile boolean released;

    PlaybackClock(Clock clock, Instant from, boolean follow) {
      this.clock = clock;
      this.follow = follow;
      this.frontier = new LongAccumulator(Math::max, from.toEpochMilli());
    }

    void observed(Instant t) {
      if (follow) {
        frontier.accumulate(t.toEpochMilli());
      }
    }

    void release() {
      released = follow;
    }

    Instant frontier() {
      return Instant.ofEpochMilli(frontier.get());
    }

    @Override
    public Instant instant() {
      Instant now = clock.now();
      if (released) {
        return now;
      }
      Instant f = frontier();
      return follow && f.isAfter(now) ? now : f;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public java.time.Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
