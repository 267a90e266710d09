package io.telltale.agent.config;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * The collector refused this device as revoked. Kept in the state directory ({@link AgentState#revocationFile()})
 * so that the agent stays stopped across restarts and reboots until the device is enrolled again.
 *
 * @param deviceId the identity the collector refused
 * @param at when the agent was refused (the agent's clock)
 * @param collector the collector's address
 * @param reason what the collector said (the status description of its refusal)
 */
public record Revocation(String deviceId, Instant at, String collector, String reason) {

  public Revocation {
    requireNonNull(deviceId, "deviceId");
    requireNonNull(at, "at");
    requireNonNull(collector, "collector");
    requireNonNull(reason, "reason");
  }

  /** "revoked by the collector HOST:PORT at 2025-04-14T08:00:00Z (it said: "device revoked")". */
  public String describe() {
    return "revoked by the collector " + collector + " at " + at + " (it said: \"" + reason + "\")";
  }
}
