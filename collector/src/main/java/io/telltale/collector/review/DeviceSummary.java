package io.telltale.collector.review;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One row of the device list: identity, owner, verdict and triage at a glance.
 *
 * @param level "flagged", "suspicious", "clean", or "unevaluated" when detection has not scored it
 * @param employeeId roster employee the laptop is assigned to; "" = not in the roster
 * @param triageState triage state, "NEW" when nobody has triaged it
 * @param lastSeen null = never reported
 */
public record DeviceSummary(
    String id,
    String hostname,
    String serial,
    String os,
    String agentVersion,
    Instant enrolledAt,
    @Nullable Instant lastSeen,
    String lastPublicIp,
    boolean revoked,
    String level,
    int score,
    @Nullable String clusterId,
    String employeeId,
    String employeeName,
    String triageState,
    String assignee) {

  public DeviceSummary {
    requireNonNull(id, "id");
    requireNonNull(hostname, "hostname");
    requireNonNull(serial, "serial");
    requireNonNull(os, "os");
    requireNonNull(level, "level");
    requireNonNull(employeeId, "employeeId");
    requireNonNull(employeeName, "employeeName");
    requireNonNull(triageState, "triageState");
    requireNonNull(assignee, "assignee");
  }

  public boolean flagged() {
    return level.equals("flagged");
  }
}
