package io.telltale.collector.ingest;

import static java.util.Objects.requireNonNull;

import io.telltale.collector.model.AgentSettings;
import java.util.List;

/** The administrator's agent settings from collector.yml, before a version and the fleet key are attached. */
public record AgentConfigTemplate(
    int reportIntervalSeconds,
    int fullInventoryIntervalSeconds,
    List<String> enabledProbes,
    AgentSettings.PrivacyMode privacyMode,
    long spoolMaxBytes,
    int cpuLimitPermille,
    long memoryLimitBytes) {

  public static final AgentConfigTemplate DEFAULTS =
      new AgentConfigTemplate(300, 86_400, List.of(), AgentSettings.PrivacyMode.HASHED, 0, 0, 0);

  public AgentConfigTemplate {
    enabledProbes = List.copyOf(enabledProbes);
    requireNonNull(privacyMode, "privacyMode");
  }

  /** Canonical text: equal templates have equal fingerprints, across collectors and restarts. */
  String fingerprint() {
    return toString();
  }
}
