package io.telltale.agent.config;

import java.util.List;

/**
 * The configuration the collector pushed (mirror of the wire {@code AgentConfig}, without the identifier key,
 * which is kept in its own file). Zero values mean "the agent's own default".
 */
public record RemoteConfig(
    long version,
    int reportIntervalSeconds,
    int fullInventoryIntervalSeconds,
    List<String> enabledProbes,
    PrivacyMode privacyMode,
    long spoolMaxBytes,
    int cpuLimitPermille,
    long memoryLimitBytes) {

  /** Nothing pushed yet. */
  public static final RemoteConfig NONE = new RemoteConfig(0, 0, 0, List.of(), PrivacyMode.HASHED, 0, 0, 0);

  public RemoteConfig {
    enabledProbes = List.copyOf(enabledProbes);
    if (privacyMode == null) {
      privacyMode = PrivacyMode.HASHED;
    }
  }

  /** How network names and hardware addresses leave the device. */
  public enum PrivacyMode {
    HASHED,
    PLAIN
  }
}
