package io.telltale.collector.store;

import static java.util.Objects.requireNonNull;

import io.telltale.collector.model.HardwareFacts;
import io.telltale.collector.model.LocaleFacts;
import io.telltale.collector.model.NetworkFacts;
import io.telltale.collector.model.PowerFacts;
import io.telltale.collector.model.SessionFacts;
import io.telltale.collector.model.SoftwareFacts;
import io.telltale.collector.model.SystemFacts;
import io.telltale.collector.model.Timing;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The latest known state of a device: the slow sections from its latest FULL report, the volatile ones from
 * its latest report carrying them. A {@code null} section has never been reported.
 *
 * @param lastSequence sequence of the newest report merged into this state
 * @param clockOffsetMs device clock minus collector clock from the latest timing, 0 when unknown
 */
public record DeviceState(
    String deviceId,
    Instant firstSeen,
    Instant lastSeen,
    long lastSequence,
    String lastPublicIp,
    @Nullable Instant lastFullAt,
    String agentVersion,
    long clockOffsetMs,
    @Nullable SystemFacts system,
    @Nullable SoftwareFacts software,
    @Nullable HardwareFacts hardware,
    @Nullable NetworkFacts network,
    @Nullable LocaleFacts locale,
    @Nullable PowerFacts power,
    @Nullable SessionFacts sessions,
    @Nullable Timing timing) {

  public DeviceState {
    requireNonNull(deviceId, "deviceId");
    requireNonNull(firstSeen, "firstSeen");
    requireNonNull(lastSeen, "lastSeen");
    requireNonNull(lastPublicIp, "lastPublicIp");
    requireNonNull(agentVersion, "agentVersion");
  }
}
