package io.telltale.collector.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One report of one device, as accepted by ingest. The device id comes from the client certificate, the
 * public IP from the connection (or a trusted proxy's forwarded-for header), never from the body. IP addresses
 * here, the public IP and those in the sections, are in the collector's one text form ({@link IpAddresses}).
 *
 * <p>A {@code null} section was not sent in this report: for a HEARTBEAT the slow-changing sections are
 * always {@code null} and mean "unchanged since the last FULL".
 *
 * @param observedAt when the device made the observations (device clock)
 * @param receivedAt when the collector accepted the report (collector clock)
 * @param droppedHeartbeats heartbeats the agent's spool dropped before this report
 */
public record DeviceReport(
    String deviceId,
    long sequence,
    ReportKind kind,
    Instant observedAt,
    Instant receivedAt,
    String publicIp,
    String agentVersion,
    long configVersion,
    int droppedHeartbeats,
    @Nullable SystemFacts system,
    @Nullable SoftwareFacts software,
    @Nullable HardwareFacts hardware,
    @Nullable NetworkFacts network,
    @Nullable LocaleFacts locale,
    @Nullable PowerFacts power,
    @Nullable SessionFacts sessions,
    @Nullable Timing timing,
    @Nullable ActivityRecord activity,
    List<ProbeFailure> failures) {

  public DeviceReport {
    requireNonNull(deviceId, "deviceId");
    requireNonNull(kind, "kind");
    requireNonNull(observedAt, "observedAt");
    requireNonNull(receivedAt, "receivedAt");
    requireNonNull(publicIp, "publicIp");
    requireNonNull(agentVersion, "agentVersion");
    failures = List.copyOf(failures);
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence: " + sequence + " (expected: >= 1)");
    }
  }

  /** A probe that could not observe something; the facts it covers are unknown, not absent. */
  public record ProbeFailure(String probe, String reason) {
    public ProbeFailure {
      requireNonNull(probe, "probe");
      requireNonNull(reason, "reason");
    }
  }
}
