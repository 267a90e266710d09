package io.telltale.agent.transport;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.CodedOutputStream;
import io.telltale.agent.probe.ActivityRecord;
import io.telltale.agent.probe.Observations;
import io.telltale.agent.spool.EntryKind;
import io.telltale.proto.v1.ProbeError;
import io.telltale.proto.v1.ReportKind;
import io.telltale.proto.v1.ReportRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns one observation pass into a report and decides its kind: FULL at start, whenever a slow-changing
 * section (system, software, hardware, network, locale) differs from the last FULL (compared through a
 * SHA-256 of the sections' deterministic serialization, uptime excluded), and at least once per full
 * inventory interval; otherwise a HEARTBEAT carrying only volatile facts. Not thread-safe.
 */
public final class ReportComposer {

  /** Probe-name prefixes of volatile facts; their errors travel in heartbeats too. */
  private static final Set<String> VOLATILE_PROBES = Set.of("power", "sessions", "activity", "timing");

  private final String agentVersion;
  private byte @Nullable [] lastDigest;
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
    byte[] digest = slowDigest(b);
    Instant now = obs.observedAt();
    boolean full = lastDigest == null || !Arrays.equals(digest, lastDigest) || lastFullAt == null
        || !now.isBefore(lastFullAt.plus(fullInventoryInterval));
    if (full) {
      lastDigest = digest;
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
    lastDigest = null;
  }

  private static boolean isVolatile(ProbeError e) {
    String p = e.getProbe();
    int dot = p.indexOf('.');
    return VOLATILE_PROBES.contains(dot < 0 ? p : p.substring(0, dot));
  }

  static byte[] slowDigest(ReportRequest.Builder b) {
    ReportRequest slow = ReportRequest.newBuilder()
        .setSystem(b.getSystem().toBuilder().clearUptimeSeconds())
        .setSoftware(b.getSoftware())
        .setHardware(b.getHardware())
        .setNetwork(b.getNetwork())
        .setLocale(b.getLocale())
        .build();
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(slow.getSerializedSize());
      CodedOutputStream out = CodedOutputStream.newInstance(bytes);
      out.useDeterministicSerialization();
      slow.writeTo(out);
      out.flush();
      return MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
