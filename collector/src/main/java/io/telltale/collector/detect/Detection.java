package io.telltale.collector.detect;

import static java.util.Objects.requireNonNull;

import io.telltale.collector.detect.catalogue.Catalogue;
import io.telltale.collector.detect.geo.IpIntel;
import io.telltale.collector.detect.policy.PolicyFileWatcher;
import io.telltale.collector.detect.policy.PolicyRegistry;
import io.telltale.collector.detect.policy.PolicyVersions;
import io.telltale.collector.store.LeaderElection;
import io.telltale.collector.store.sql.AlwaysLeader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Detection as a running component: the engine, its live policy (watched file), and the periodic sweep
 * that re-evaluates every device (silence, windows expiring). Built by the process wiring; nothing starts
 * until {@link #start(LeaderElection)}.
 *
 * <p>The sweep is fleet-wide work: with several collectors on one database it runs only on the holder of
 * the sweep's leadership. Every collector keeps detecting the reports it acknowledges as they arrive.
 */
public final class Detection implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Detection.class);

  private final DetectionEngine engine;
  private final PolicyRegistry policies;
  private final @Nullable Path policyFile;
  private final Duration sweep;
  private @Nullable PolicyFileWatcher watcher;
  private @Nullable ScheduledExecutorService sweeper;
  private LeaderElection sweepLeader = new AlwaysLeader();
  private final LongAdder sweeps = new LongAdder();

  public Detection(Catalogue catalogue, PolicyVersions versions, @Nullable Path policyFile, DetectionRepository repo,
      FleetView fleet, ReportSource stored, java.util.function.Supplier<Roster> roster, IpIntel intel, Clock clock,
      Duration sweep, int queue, int cacheDevices) {
    this.policies = PolicyRegistry.start(requireNonNull(versions, "versions"), policyFile, clock);
    this.engine = new DetectionEngine(catalogue, policies, repo, fleet, stored, roster, intel, clock, queue,
        cacheDevices);
    this.policyFile = policyFile;
    this.sweep = requireNonNull(sweep, "sweep");
  }

  /** Starts the worker, the policy file watch and the sweep, which always runs here (one collector). */
  public Detection start() {
    return start(new AlwaysLeader());
  }

  /**
   * Starts the worker, the policy file watch and the sweep. Each sweep first polls {@code sweepLeader} and
   * runs only while this collector holds it, so another collector takes the sweep over at its next sweep
   * time after this one stops; {@link #close()} gives it up.
   */
  public Detection start(LeaderElection sweepLeader) {
    this.sweepLeader = requireNonNull(sweepLeader, "sweepLeader");
    engine.start();
    if (policyFile != null) {
      watcher = new PolicyFileWatcher(policyFile, policies, Duration.ofSeconds(2));
    }
    sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "telltale-detect-sweep");
      t.setDaemon(true);
      return t;
    });
    // Catch up at once on reports acknowledged before a restart, then sweep: catch up and re-evaluate everyone.
    sweeper.execute(() -> sweepStep(false));
    sweeper.scheduleWithFixedDelay(() -> sweepStep(true), sweep.toMillis(), sweep.toMillis(), TimeUnit.MILLISECONDS);
    // A policy applied elsewhere (CLI `policy apply`, another collector) is recorded in the store: pick it up.
    sweeper.scheduleWithFixedDelay(this::adoptStoredPolicy, 5, 5, TimeUnit.SECONDS);
    LOG.info("detection started: policy {} ({} rules)", policies.current().version(), policies.current().rules().size());
    return this;
  }

  private void sweepStep(boolean evaluate) {
    try {
      if (!sweepLeader.poll()) {
        return;
      }
      sweeps.increment();
      engine.catchUpAll();
      if (evaluate) {
        engine.evaluateAll();
      }
    } catch (RuntimeException e) {
      LOG.warn("detection sweep failed; next one in {}", sweep, e);
    }
  }

  private void adoptStoredPolicy() {
    try {
      policies.versions().latest().ifPresent(v -> {
        if (!v.sha256().equals(policies.current().policy().sha256())
            && v.appliedAt().isAfter(policies.current().appliedAt())) {
          policies.apply(v.source(), v.text());
        }
      });
    } catch (RuntimeException e) {
      LOG.warn("could not check the stored policy version: {}", e.toString());
    }
  }

  /** Sweeps this collector ran (as the sweep's leader), the start-up catch-up included. */
  public long sweeps() {
    return sweeps.sum();
  }

  public DetectionEngine engine() {
    return engine;
  }

  public PolicyRegistry policies() {
    return policies;
  }

  /** Adapts the collector's clock. */
  public static Clock clock(io.telltale.collector.internal.Clock c) {
    return new Clock() {
      @Override
      public java.time.ZoneId getZone() {
        return java.time.ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public java.time.Instant instant() {
        return c.now();
      }
    };
  }

  @Override
  public void close() {
    if (watcher != null) {
      watcher.close();
    }
    if (sweeper != null) {
      sweeper.shutdownNow();
      try { // let a running sweep end before leadership can move, so two never overlap
        sweeper.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    sweepLeader.close();
    engine.close();
  }
}
