package io.telltale.agent.config;

import java.time.Duration;
import java.util.List;

/**
 * The settings in force: the local {@link AgentConfig} overlaid with what the collector pushed (a pushed
 * non-zero value wins). Immutable; a new instance is made when a newer configuration arrives.
 */
public record Settings(
    long configVersion,
    Duration reportInterval,
    Duration fullInventoryInterval,
    List<String> enabledProbes,
    RemoteConfig.PrivacyMode privacyMode,
    long spoolMaxBytes,
    int cpuLimitPermille,
    long memoryLimitBytes) {

  public Settings {
    enabledProbes = List.copyOf(enabledProbes);
  }

  public static Settings of(AgentConfig local, RemoteConfig remote) {
    return new Settings(
        remote.version(),
        remote.reportIntervalSeconds() > 0 ? Duration.ofSeconds(remote.reportIntervalSeconds()) : local.reportInterval(),
        remote.fullInventoryIntervalSeconds() > 0
            ? Duration.ofSeconds(remote.fullInventoryIntervalSeconds()) : local.fullInventoryInterval(),
        remote.enabledProbes().isEmpty() ? local.enabledProbes() : remote.enabledProbes(),
        remote.privacyMode(),
        remote.spoolMaxBytes() > 0 ? remote.spoolMaxBytes() : local.spoolMaxBytes(),
        remote.cpuLimitPermille() > 0 ? remote.cpuLimitPermille() : local.cpuLimitPermille(),
        remote.memoryLimitBytes() > 0 ? remote.memoryLimitBytes() : local.memoryLimitBytes());
  }
}
