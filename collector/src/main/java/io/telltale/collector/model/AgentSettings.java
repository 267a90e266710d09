package io.telltale.collector.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The agent configuration the collector pushes to every device. Zero numbers mean "the agent's built-in
 * default"; an empty probe list means all probes.
 *
 * @param version increases by at least 1 whenever any other field changes
 * @param identifierKey fleet HMAC key for hashed network identifiers, 32 bytes
 */
public record AgentSettings(
    long version,
    int reportIntervalSeconds,
    int fullInventoryIntervalSeconds,
    List<String> enabledProbes,
    PrivacyMode privacyMode,
    byte[] identifierKey,
    long spoolMaxBytes,
    int cpuLimitPermille,
    long memoryLimitBytes) {

  public AgentSettings {
    enabledProbes = List.copyOf(enabledProbes);
    requireNonNull(privacyMode, "privacyMode");
    identifierKey = identifierKey.clone();
    if (identifierKey.length != 32) {
      throw new IllegalArgumentException("identifierKey: " + identifierKey.length + " bytes (expected: 32)");
    }
  }

  @Override
  public byte[] identifierKey() {
    return identifierKey.clone();
  }

  /** How agents send network names and hardware addresses. */
  public enum PrivacyMode {
    HASHED,
    PLAIN
  }
}
