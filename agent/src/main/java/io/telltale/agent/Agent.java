package io.telltale.agent;

import static java.util.Objects.requireNonNull;

import io.telltale.agent.config.AgentConfig;
import io.telltale.agent.config.AgentState;
import io.telltale.agent.config.Revocation;
import io.telltale.agent.internal.Clock;
import io.telltale.agent.internal.NamedThreadFactory;
import io.telltale.agent.internal.ScheduledTask;
import io.telltale.agent.probe.ProbeSource;
import io.telltale.agent.transport.CollectorAddress;
import io.telltale.agent.transport.CollectorConnection;
import io.telltale.agent.transport.DeliveryOutcome;
import io.telltale.agent.transport.LinkTiming;
import io.telltale.agent.transport.ReportingPipeline;
import io.telltale.agent.transport.SectionFiller;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running agent: observes every report interval, spools, and uploads when the collector's pacing allows.
 * All wiring is in {@link #create}. One scheduler thread does everything, so the pipeline needs no locking.
 * When the collector revokes the device, the pipeline records it and the agent stops (exit code 0); an agent
 * over a state directory that says revoked does not start at all ({@link RevokedDevice}).
 */
public final class Agent implements AutoCloseable {

  private static final Logger logger = LoggerFactory.getLogger(Agent.class);

  private final String device;
  private final AgentState state;
  private final ReportingPipeline pipeline;
  private final CollectorConnection connection;
  private final ProbeSource probes;
  private final Clock clock;
  private final ScheduledThreadPoolExecutor scheduler = newScheduler();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final SelfLimits limits;
  private long nextObserveAt;
  private long nextUploadAt;

  private Agent(String device, AgentState state, ReportingPipeline pipeline, CollectorConnection connection,
      ProbeSource probes, Clock clock) {
    this.device = device;
    this.state = state;
    this.pipeline = pipeline;
    this.connection = connection;
    this.probes = probes;
    this.clock = clock;
    this.limits = new SelfLimits(device, pipeline, clock, stopped);
  }

  /** Wires an enrolled agent: state, connection (mTLS from the stored identity), pipeline. No I/O until start. */
  public static Agent create(AgentConfig config, ProbeSource probes, SectionFiller.Factory fillers, Clock clock) {
    AgentState state = new AgentState(config.stateDir());
    String device = state.deviceId();
    String address = config.collectorAddress();
    if (address.isBlank()) {
      throw new IllegalArgumentException("collector.address: \"\" (expected: HOST:PORT in agent.yml or "
          + "TELLTALE_COLLECTOR_ADDRESS)");
    }
    CollectorAddress collector = CollectorAddress.parse(address);
    CollectorConnection connection;
    try {
      connection = CollectorConnection.mutualTls(collector,
          state.readText(state.privateKeyFile()), state.readText(state.certificateFile()),
          state.readText(state.caFile()), null, null);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(state.dir() + ": " + e.getMessage()
          + " (the stored identity is damaged: enroll again)", e);
    }
    ReportingPipeline pipeline = new ReportingPipeline(device, probes, clock, state, config, connection, fillers,
        new LinkTiming.Measured());
    return new Agent(device, state, pipeline, connection, probes, clock);
  }

  /** Starts reporting; on a device the collector revoked earlier, logs why not and stops with exit code 0. */
  public void start() {
    Optional<Revocation> revoked = pipeline.revocation();
    if (revoked.isPresent()) {
      RevokedDevice.stayStopped(state, revoked.get());
      stopped.countDown();
      return;
    }
    logger.info("{} - reporting every {} s to {}", device, pipeline.settings().reportInterval().toSeconds(),
        connection.address());
    scheduler.execute(new Cycle());
    scheduler.scheduleWithFixedDelay(limits, SelfLimits.PERIOD_S, SelfLimits.PERIOD_S, TimeUnit.SECONDS);
  }

  /** Blocks until the agent stopped (revoked, or a self-limit exit); returns the exit code. */
  public int awaitStop() throws InterruptedException {
    stopped.await();
    return limits.exitCode();
  }

  /**
   * One thread. At shutdown a cycle that is running finishes, and the next one, already scheduled minutes ahead,
   * is dropped: by default the executor would still wait for it, holding every stop (SIGTERM, systemd's 30 s
   * stop timeout) until the 30 s close timeout.
   */
  private static ScheduledThreadPoolExecutor newScheduler() {
    ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(1, new NamedThreadFactory("telltale-agent", false));
    s.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    s.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
    s.setRemoveOnCancelPolicy(true);
    return s;
  }

  @Override
  public void close() {
    scheduler.shutdown();
    try {
      if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) {
        scheduler.shutdownNow();
      }
    } catch (InterruptedException e) {
      scheduler.shutdownNow();
      Thread.currentThread().interrupt();
    }
    pipeline.close();
    connection.close();
    probes.close();
    stopped.countDown();
  }

  /** One wake-up: observe if due, upload if due, then sleep until the next of the two. */
  private final class Cycle extends ScheduledTask {
    Cycle() {
      super("report cycle", clock);
    }

    @Override
    protected void runOnce() {
      try {
        step();
      } finally {
        if (!scheduler.isShutdown() && !pipeline.revoked()) {
          long wait = Math.max(0, Math.min(nextObserveAt, nextUploadAt) - clock.millis());
          scheduler.schedule(this, wait, TimeUnit.MILLISECONDS);
        }
      }
    }

    private void step() {
      long now = clock.millis();
      long interval = pipeline.settings().reportInterval().toMillis();
      if (now >= nextObserveAt) {
        pipeline.observe();
        nextObserveAt = now + interval;
      }
      if (now >= nextUploadAt) {
        DeliveryOutcome o = pipeline.deliver();
        if (o instanceof DeliveryOutcome.Drained d) {
          // Collector pacing: it says when to upload next; 0 = with the next observation.
          nextUploadAt = d.nextDelayMs() > 0 ? now + d.nextDelayMs() : nextObserveAt;
        } else if (o instanceof DeliveryOutcome.RetryLater r) {
          nextUploadAt = now + r.retryDelayMs();
        } else {
          stopped.countDown();
        }
      }
    }
  }
}
