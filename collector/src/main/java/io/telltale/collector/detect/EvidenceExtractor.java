package io.telltale.collector.detect;

import static java.util.Objects.requireNonNull;

import io.telltale.collector.detect.catalogue.Catalogue;
import io.telltale.collector.model.DeviceReport;
import io.telltale.collector.model.LocaleFacts;
import io.telltale.collector.model.SessionFacts;
import io.telltale.collector.model.Timing;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns one stored report into the evidence it shows and the hour bits it contributes. Runs once per
 * report, in any order; the ledger keeps first/last seen per evidence, so tools uninstalled and hardware
 * unplugged between checks stay on record. Pure; thread-safe.
 */
public final class EvidenceExtractor {

  private final RemoteAccessEvidence remote;
  private final KvmEvidence kvm;
  private final ToolEvidence tools;
  private final NetworkEvidence network;
  private final ActivityEvidence activity;

  public EvidenceExtractor(Catalogue catalogue) {
    requireNonNull(catalogue, "catalogue");
    this.remote = new RemoteAccessEvidence(catalogue);
    this.kvm = new KvmEvidence(catalogue);
    this.tools = new ToolEvidence(catalogue);
    this.network = new NetworkEvidence(catalogue);
    this.activity = new ActivityEvidence(catalogue);
  }

  /** KVM evidence of a hardware inventory alone (to tell what is plugged in now from history). */
  void kvmOnly(io.telltale.collector.model.HardwareFacts hw, List<Evidence> out) {
    kvm.hardware(hw, out);
  }

  /** The families of the remote sessions open in {@code sessions} (to tell approved sessions from others). */
  Set<String> sessionFamilies(SessionFacts sessions) {
    return remote.sessionFamilies(sessions);
  }

  /** What one report shows. */
  public Extraction extract(DeviceReport r) {
    List<Evidence> out = new ArrayList<>();
    Timing timing = r.timing();
    long offset = timing != null && timing.clockOffsetMs() != null ? timing.clockOffsetMs() : 0;
    if (r.software() != null) {
      remote.software(r.software(), out);
      tools.software(r.software(), out);
    }
    Set<String> sessionFamilies = Set.of();
    if (r.sessions() != null) {
      remote.sessions(r.sessions(), out);
      sessionFamilies = remote.sessionFamilies(r.sessions());
    }
    if (r.hardware() != null) {
      kvm.hardware(r.hardware(), out);
    }
    if (r.network() != null) {
      network.network(r.network(), out);
      tools.network(r.network(), out);
    }
    LocaleFacts locale = r.locale();
    if (locale != null) {
      for (String layout : locale.keyboardLayouts()) {
        if (layout.toLowerCase(Locale.ROOT).startsWith("ko")) {
          out.add(Evidence.of("locale.korean_ime", "layout|" + layout, "Korean keyboard layout " + layout,
              "layout", layout));
        }
      }
    }
    Map<Instant, HourBits> hours = activity.hours(r, offset, sessionFamilies, out);
    // One entry per (signal, key): the same thing matched twice in one report is one observation.
    Map<String, Evidence> unique = new LinkedHashMap<>();
    for (Evidence e : out) {
      unique.putIfAbsent(e.signal() + "\u0000" + e.key(), e);
    }
    return new Extraction(r.deviceId(), r.sequence(), r.observedAt().minusMillis(offset), List.copyOf(unique.values()),
        List.copyOf(hours.values()));
  }

  /**
   * What a report contributes.
   *
   * @param sequence the report's sequence number
   * @param seenAt the observation time on the collector clock
   */
  public record Extraction(String deviceId, long sequence, Instant seenAt, List<Evidence> evidence,
      List<HourBits> hours) {
    public Extraction {
      requireNonNull(deviceId, "deviceId");
      requireNonNull(seenAt, "seenAt");
      evidence = List.copyOf(evidence);
      hours = List.copyOf(hours);
    }
  }
}
