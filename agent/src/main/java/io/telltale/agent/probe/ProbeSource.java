package io.telltale.agent.probe;

import java.time.Instant;

/**
 * Where observations come from: the real machine (OS probes) or a scenario (the fleet simulator). Nothing
 * downstream (spool, transport) knows which.
 *
 * <p>Implementations never throw from these methods: what they cannot observe becomes a {@code null}
 * section plus an {@link Observations.ProbeFailure}. Not required to be thread-safe; the agent calls them
 * from one thread.
 */
public interface ProbeSource extends AutoCloseable {

  /**
   * Observes the device now. {@code full} asks for the slow-changing sections too (system, software,
   * hardware, network, locale); otherwise only volatile sections (power, sessions) are required.
   */
  Observations observe(Instant now, boolean full);

  /** Returns the input activity recorded since the previous call, up to {@code now}, and resets it. */
  ActivityRecord drainActivity(Instant now);

  /**
   * Restricts which probes run, by name ("software", "hardware", "network", "sessions", "activity",
   * "locale"; empty = all). Called when the collector pushes {@code enabled_probes} and by the self-limit
   * watchdog to shed expensive probes. Sections of disabled probes come back {@code null}. The default
   * ignores it.
   */
  default void restrictTo(java.util.Set<String> enabledProbes) {}

  @Override
  default void close() {}
}
