package io.telltale.agent.config;

import static io.telltale.agent.internal.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The local configuration of an agent, from {@code agent.yml} and {@code TELLTALE_*} environment variables
 * (see {@link AgentConfigLoader}). Settings the collector pushes ({@link RemoteConfig}) take precedence over
 * the tunables here once received; see {@link Settings}.
 *
 * @param collectorAddress "host:port" of the collector
 * @param stateDir where the identity, pushed configuration and spool live
 * @param reportInterval time between observations/reports until the collector says otherwise
 * @param fullInventoryInterval at most this long between two full reports
 * @param spoolMaxBytes bound of the on-disk spool
 * @param cpuLimitPermille sustained CPU budget, per mille of one core
 * @param memoryLimitBytes resident memory budget
 * @param enabledProbes probe names to run; empty = all
 */
public record AgentConfig(
    String collectorAddress,
    Path stateDir,
    Duration reportInterval,
    Duration fullInventoryInterval,
    long spoolMaxBytes,
    int cpuLimitPermille,
    long memoryLimitBytes,
    List<String> enabledProbes) {

  public static final Duration DEFAULT_REPORT_INTERVAL = Duration.ofSeconds(300);
  public static final Duration DEFAULT_FULL_INVENTORY_INTERVAL = Duration.ofDays(1);
  public static final long DEFAULT_SPOOL_MAX_BYTES = 64L * 1024 * 1024;
  public static final int DEFAULT_CPU_LIMIT_PERMILLE = 100;
  public static final long DEFAULT_MEMORY_LIMIT_BYTES = 200L * 1000 * 1000;

  public AgentConfig {
    requireNonNull(collectorAddress, "collectorAddress");
    requireNonNull(stateDir, "stateDir");
    requireNonNull(reportInterval, "reportInterval");
    requireNonNull(fullInventoryInterval, "fullInventoryInterval");
    enabledProbes = List.copyOf(enabledProbes);
    checkArgument(!reportInterval.isNegative() && !reportInterval.isZero(),
        "report.interval_seconds: %s (expected: > 0)", reportInterval.toSeconds());
  }

  /** Defaults for everything but the collector address and state directory. */
  public static AgentConfig defaults(String collectorAddress, Path stateDir) {
    return new AgentConfig(collectorAddress, stateDir, DEFAULT_REPORT_INTERVAL, DEFAULT_FULL_INVENTORY_INTERVAL,
        DEFAULT_SPOOL_MAX_BYTES, DEFAULT_CPU_LIMIT_PERMILLE, DEFAULT_MEMORY_LIMIT_BYTES, List.of());
  }
}
