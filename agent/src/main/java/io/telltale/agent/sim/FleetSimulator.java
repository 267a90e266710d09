package io.telltale.agent.sim;

import static java.util.Objects.requireNonNull;

import io.telltale.agent.internal.NamedThreadFactory;
import io.telltale.agent.sim.Scenario.Device;
import io.telltale.agent.transport.CollectorAddress;
import io.telltale.agent.transport.DeliveryOutcome;
import io.telltale.agent.transport.EnrollmentException;
import io.telltale.agent.transport.SectionFiller;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays a scenario against a collector: every device enrolls with a real CSR and reports every
 * {@code report_interval_minutes} of scenario time through the agent's real reporting path. Usable as a
 * library:
 *
 * <pre>{@code
 * SimulationSummary s = FleetSimulator.builder()
 *     .scenario(Path.of("farm.json"))         // or .scenario(ScenarioLoader.load(...))
 *     .collector("127.0.0.1:8443").token(token).caPem(caPem)
 *     .sectionFillers(fillers)                 // how records become the wire sections
 *     .speed(FleetSimulator.Speed.MAX)         // or REALTIME, or .speedFactor(3600)
 *     .rebaseToNow(true)
 *     .build().run();
 * }</pre>
 *
 * {@link #run()} blocks until every device played its timeline and delivered its backlog (or
 * {@code flushTimeout} passed). Devices play in parallel, each in scenario-time order on its own thread;
 * results do not depend on the speed. Throws {@link ScenarioException} for a bad scenario and
 * {@link IllegalStateException} when a device cannot enroll.
 */
public final class FleetSimulator {

  private static final Logger logger = LoggerFactory.getLogger(FleetSimulator.class);
  /** Reports per call when playing as fast as possible (a real agent batches only a backlog). */
  static final int MAX_SPEED_BATCH = 32;

  /** How scenario time maps to wall time. */
  public enum Speed {
    /** As fast as possible. */
    MAX,
    /** One scenario second per wall second. */
    REALTIME
  }

  private final Builder b;

  private FleetSimulator(Builder b) {
    this.b = b;
  }

  public static Builder builder() {
    return new Builder();
  }

  public SimulationSummary run() {
    long t0 = System.nanoTime();
    Scenario scenario = b.scenario != null ? b.scenario : ScenarioLoader.load(requireNonNull(b.scenarioFile, "scenario"));
    if (b.rebaseToNow) {
      scenario = rebase(scenario, b.now.get());
    }
    Path stateRoot = stateRoot();
    CollectorAddress address = CollectorAddress.parse(requireNonNull(b.collector, "collector"));
    List<Device> devices = scenario.devices();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(devices.size(), b.threads)),
        new NamedThreadFactory("sim-device", true));
    try {
      List<Future<SimulatedDevice>> futures = new ArrayList<>();
      Instant wallStart = Instant.now();
      for (Device d : devices) {
        DeviceTimeline tl = new DeviceTimeline(scenario, d);
        Path dir = stateRoot.resolve(d.hostname().replaceAll("[^A-Za-z0-9._-]", "_"));
        futures.add(pool.submit(() -> play(tl, dir, address, wallStart)));
      }
      long created = 0;
      long sent = 0;
      long duplicates = 0;
      long failures = 0;
      long undelivered = 0;
      Map<String, String> ids = new LinkedHashMap<>();
      for (Future<SimulatedDevice> f : futures) {
        try (SimulatedDevice d = f.get()) {
          created += d.created();
          sent += d.pipeline().stats().delivered();
          duplicates += d.pipeline().stats().duplicates();
          failures += d.pipeline().stats().failures();
          undelivered += d.queued();
          ids.put(d.hostname(), d.deviceId());
        }
      }
      return new SimulationSummary(devices.size(), created, sent, duplicates, failures, undelivered, ids,
          Duration.ofNanos(System.nanoTime() - t0));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("simulation interrupted", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(c.getMessage(), c);
    } finally {
      pool.shutdownNow();
    }
  }

  private SimulatedDevice play(DeviceTimeline tl, Path dir, CollectorAddress address, Instant wallStart)
      throws InterruptedException {
    SimulatedDevice device;
    try {
      device = new SimulatedDevice(tl, dir, address, requireNonNull(b.caPem, "caPem"), requireNonNull(b.token, "token"),
          requireNonNull(b.fillers, "sectionFillers"));
    } catch (EnrollmentException e) {
      throw new IllegalStateException(tl.device().hostname() + ": " + e.getMessage(), e);
    }
    Scenario s = tl.scenario();
    Duration step = Duration.ofMinutes(s.reportIntervalMinutes());
    for (Instant t = s.start(); t.isBefore(s.end()) && !device.revoked(); t = t.plus(step)) {
      waitUntil(wallStart, s.start(), t);
      device.step(t, b.factor <= 0 ? MAX_SPEED_BATCH : 1);
    }
    flush(device);
    return device;
  }

  /** Delivers what is left, retrying with the agent's backoff (capped at a second) until flushTimeout. */
  private void flush(SimulatedDevice device) throws InterruptedException {
    long deadline = System.nanoTime() + b.flushTimeout.toNanos();
    while (device.queued() > 0 && !device.revoked() && System.nanoTime() < deadline) {
      DeliveryOutcome o = device.deliver();
      if (o instanceof DeliveryOutcome.RetryLater r) {
        Thread.sleep(Math.min(1_000, Math.max(50, r.retryDelayMs())));
      }
    }
    if (device.queued() > 0) {
      logger.warn("{} - {} reports still undelivered at the end of the simulation", device.hostname(), device.queued());
    }
  }

  private void waitUntil(Instant wallStart, Instant scenarioStart, Instant t) throws InterruptedException {
    if (b.factor <= 0) {
      return;
    }
    long dueNanos = (long) (Duration.between(scenarioStart, t).toNanos() / b.factor);
    long sleepMs = (dueNanos - Duration.between(wallStart, Instant.now()).toNanos()) / 1_000_000;
    if (sleepMs > 0) {
      Thread.sleep(sleepMs);
    }
  }

  private Path stateRoot() {
    try {
      return b.stateDir != null ? Files.createDirectories(b.stateDir) : ScratchDirectory.create("telltale-sim-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the simulator's state directory", e);
    }
  }

  /**
   * Moves the scenario by whole weeks so that it ends at or just before {@code now}: weekdays and local
   * hours stay what the file says.
   */
  public static Scenario rebase(Scenario s, Instant now) {
    long week = Duration.ofDays(7).toMillis();
    long gap = now.toEpochMilli() - s.end().toEpochMilli();
    long weeks = Math.floorDiv(gap, week);
    return s.startingAt(s.start().plusMillis(weeks * week));
  }

  /** Configures a run; {@code scenario}, {@code collector}, {@code token}, {@code caPem} and fillers are required. */
  public static final class Builder {
    private @Nullable Path scenarioFile;
    private @Nullable Scenario scenario;
    private @Nullable String collector;
    private @Nullable String token;
    private @Nullable String caPem;
    private SectionFiller.@Nullable Factory fillers;
    private double factor;
    private boolean rebaseToNow;
    private @Nullable Path stateDir;
    private Supplier<Instant> now = Instant::now;
    private Duration flushTimeout = Duration.ofSeconds(60);
    private int threads = 64;

    public Builder scenario(Path file) {
      this.scenarioFile = file;
      return this;
    }

    public Builder scenario(Scenario loaded) {
      this.scenario = loaded;
      return this;
    }

    /** "host:port" of the collector. */
    public Builder collector(String address) {
      this.collector = address;
      return this;
    }

    public Builder token(String token) {
      this.token = token;
      return this;
    }

    /** The collector's CA certificate(s), PEM. */
    public Builder caPem(String pem) {
      this.caPem = pem;
      return this;
    }

    public Builder sectionFillers(SectionFiller.Factory f) {
      this.fillers = f;
      return this;
    }

    public Builder speed(Speed speed) {
      this.factor = speed == Speed.MAX ? 0 : 1;
      return this;
    }

    /** Scenario seconds per wall second (3600 = an hour a second); 0 = as fast as possible. */
    public Builder speedFactor(double factor) {
      this.factor = factor;
      return this;
    }

    public Builder rebaseToNow(boolean rebase) {
      this.rebaseToNow = rebase;
      return this;
    }

    /** Where each device's state (identity, spool) lives; default a new temporary directory. */
    public Builder stateDir(Path dir) {
      this.stateDir = dir;
      return this;
    }

    /** The "now" used by rebaseToNow (tests). */
    public Builder now(Supplier<Instant> now) {
      this.now = now;
      return this;
    }

    /** How long to keep retrying the backlog after the timeline ended; default 60 s. */
    public Builder flushTimeout(Duration d) {
      this.flushTimeout = d;
      return this;
    }

    /** Device threads (devices share them when fewer); default 64. */
    public Builder threads(int n) {
      this.threads = n;
      return this;
    }

    public FleetSimulator build() {
      return new FleetSimulator(this);
    }
  }
}
