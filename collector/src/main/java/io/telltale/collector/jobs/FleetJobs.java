package io.telltale.collector.jobs;

import static java.util.Objects.requireNonNull;

import io.telltale.collector.internal.NamedThreads;
import io.telltale.collector.internal.ScheduledTask;
import io.telltale.collector.store.LeaderElection;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs fleet-wide periodic jobs only while this collector is the leader. One {@link LeaderElection} covers
 * all jobs; it is polled every {@code leaderPoll}, so leadership moves to a surviving collector within about
 * that long after the leader dies. A job that throws is logged and runs again at its next time.
 *
 * <p>Thread-safe. Building it does nothing; {@link #start()} starts the polling thread.
 */
public final class FleetJobs implements AutoCloseable {

  private static final Logger logger = LoggerFactory.getLogger(FleetJobs.class);

  private final LeaderElection election;
  private final Duration leaderPoll;
  private final ScheduledExecutorService executor =
      Executors.newScheduledThreadPool(1, NamedThreads.daemon("telltale-fleet-jobs"));

  public FleetJobs(LeaderElection election, Duration leaderPoll) {
    this.election = requireNonNull(election, "election");
    this.leaderPoll = requireNonNull(leaderPoll, "leaderPoll");
  }

  /** Starts polling for leadership (first poll at once). */
  public void start() {
    executor.scheduleWithFixedDelay(ScheduledTask.of("leader-poll", election::poll), 0, leaderPoll.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /**
   * Runs {@code job} every {@code interval} (first run after {@code interval}) whenever this collector leads.
   * Jobs run one at a time on a single thread; keep them short or chunked.
   */
  public void schedule(String name, Duration interval, Runnable job) {
    requireNonNull(job, "job");
    executor.scheduleWithFixedDelay(ScheduledTask.of(name, () -> {
      if (election.isLeader()) {
        logger.debug("running fleet job '{}'", name);
        job.run();
      }
    }), interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Whether this collector currently leads (last poll's answer). */
  public boolean isLeader() {
    return election.isLeader();
  }

  /** Stops the jobs and gives leadership up so another collector takes over at its next poll. Idempotent. */
  @Override
  public void close() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    election.close();
  }
}
