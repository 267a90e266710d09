package io.telltale.collector.detect;

import static java.util.Objects.requireNonNull;

import io.telltale.collector.model.HardwareFacts;
import io.telltale.collector.model.LocaleFacts;
import io.telltale.collector.model.NetworkFacts;
import io.telltale.collector.model.OsFamily;
import io.telltale.collector.model.PowerFacts;
import io.telltale.collector.model.SessionFacts;
import io.telltale.collector.model.SoftwareFacts;
import io.telltale.collector.model.SystemFacts;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The latest known state of one device, as detection needs it. Sections are {@code null} when never
 * reported.
 *
 * @param lastSeen when the collector last received a report (collector clock)
 * @param clockOffsetMs device clock minus collector clock; {@code null} when never measured
 */
public record DeviceFacts(
    String deviceId,
    String hostname,
    String hardwareSerial,
    OsFamily os,
    Instant firstSeen,
    Instant lastSeen,
    String lastPublicIp,
    @Nullable Long clockOffsetMs,
    @Nullable SystemFacts system,
    @Nullable SoftwareFacts software,
    @Nullable HardwareFacts hardware,
    @Nullable NetworkFacts network,
    @Nullable LocaleFacts locale,
    @Nullable PowerFacts power,
    @Nullable SessionFacts sessions) {

  public DeviceFacts {
    requireNonNull(deviceId, "deviceId");
    requireNonNull(hostname, "hostname");
    requireNonNull(hardwareSerial, "hardwareSerial");
    requireNonNull(os, "os");
    requireNonNull(firstSeen, "firstSeen");
    requireNonNull(lastSeen, "lastSeen");
    requireNonNull(lastPublicIp, "lastPublicIp");
  }
}
