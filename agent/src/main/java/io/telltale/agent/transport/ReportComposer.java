package io.telltale.agent.transport;

import static java.util.Objects.requireNonNull;

import io.telltale.agent.probe.ActivityRecord;
import io.telltale.agent.probe.Observations;
import io.telltale.agent.spool.EntryKind;
import io.telltale.proto.v1.ProbeError;
import io.telltale.proto.v1.ReportKind;
import io.telltale.proto.v1.ReportRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns one observation pass into a report and decides its kind: FULL at start, whenever a slow-changing
 * section (system, software, hardware, network, locale) differs from the last FULL (compared by value,
 * uptime excluded), and at least once per full
 * inventory interval; otherwise a HEARTBEAT carrying only volatile facts. Not thread-safe.
 */
public final class ReportComposer {

  /** Probe-name prefixes of volatile facts; their errors travel in heartbeats too. */
  private static final Set<String> VOLATILE_PROBES = Set.of("power", "sessions", "activity", "timing");

  private final String agentVersion;
  /** The slow sections of the last FULL report (uptime cleared): compared by value, not re-hashed. */
  private @Nullable ReportRequest lastSlow;
  private @Nullable Instant lastFullAt;

  public ReportComposer(String agentVersion) {
    this.agentVersion = requireNonNull(agentVersion, "agentVersion");
  }

  /** A report ready to spool: the sequence is set by the spool. */
  public record Composed(EntryKind kind, ReportRequest.Builder report) {}

  public Composed compose(Observations obs, ActivityRecord activity, SectionFiller filler, long configVersion,
      Duration fullInventoryInterval) {
    ReportRequest.Builder b = ReportRequest.newBuilder();
    filler.fill(b, obs, activity);
    ReportRequest slow = slowSections(b);
    Instant now = obs.observedAt();
    boolean full = lastSlow == null || !slow.equals(lastSlow) || lastFullAt == null
        || !now.isBefore(lastFullAt.plus(fullInventoryInterval));
    if (full) {
      lastSlow = slow;
      lastFullAt = now;
    } else {
      b.clearSystem().clearSoftware().clearHardware().clearNetwork().clearLocale();
      var errors = b.getErrorsList().stream().filter(ReportComposer::isVolatile).toList();
      b.clearErrors().addAllErrors(errors);
    }
    b.setKind(full ? ReportKind.REPORT_KIND_FULL : ReportKind.REPORT_KIND_HEARTBEAT)
        .setObservedAtMs(now.toEpochMilli())
        .setConfigVersion(configVersion)
        .setAgentVersion(agentVersion);
    return new Composed(full ? EntryKind.FULL : EntryKind.HEARTBEAT, b);
  }

  /** Forgets the last FULL, so the next report is FULL (e.g. after the privacy mode changed). */
  public void forceFull() {
    lastSlow = null;
  }

  private static boolean isVolatile(ProbeError e) {
    String p = e.getProbe();
    int dot = p.indexOf('.');
    return VOLATILE_PROBES.contains(dot < 0 ? p : p.substring(0, dot));
  }

  /**
   * The slow-changing sections of a report, uptime cleared. Message equality is by value; when the filler
   * reuses the previous messages (nothing changed) it is a pointer comparison per section.
   */
  static ReportRequest slowSections(ReportRequest.Builder b) {
    return ReportRequest.newBuilder()
        .setSystem(b.getSystem().toBuilder().clearUptimeSeconds())
        .setSoftware(b.getSoftware())
        .setHardware(b.getHardware())
        .setNetwork(b.getNetwork())
        .setLocale(b.getLocale())
        .build();
  }
}
