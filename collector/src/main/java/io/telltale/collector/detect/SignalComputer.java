package io.telltale.collector.detect;

import io.telltale.collector.detect.catalogue.Catalogue;
import io.telltale.collector.model.LocaleFacts;
import io.telltale.collector.model.SystemFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Computes a device's {@link Signals} from stored state. A pure function of its {@link SignalInput}: the same
 * stored state and the same "now" always give the same signals, whatever order reports arrived in.
 * Thread-safe.
 */
public final class SignalComputer {

  private static final Set<String> LAN = Set.of("gateway_mac", "bssid");
  private static final Set<String> HARDWARE = Set.of("edid", "kvm_neighbor");

  private final EvidenceExtractor currentCheck;

  public SignalComputer(Catalogue catalogue) {
    this.currentCheck = new EvidenceExtractor(catalogue);
  }

  public Signals compute(SignalInput in) {
    List<Evidence> ev = new ArrayList<>();
    DeviceFacts f = in.facts();
    SystemFacts sys = f.system();
    Signals.DeviceSig device = new Signals.DeviceSig(f.deviceId(), f.hostname(), f.hardwareSerial(),
        f.os().name().toLowerCase(Locale.ROOT), sys != null && sys.virtualMachine());
    Employee e = in.employee();
    Signals.EmployeeSig employee = e == null ? new Signals.EmployeeSig(false, "", "", "", "", List.of())
        : new Signals.EmployeeSig(true, e.id(), e.country(), e.region(), e.timezone(), e.groups());
    Signals.RemoteSig remote = RemoteSignals.compute(in, currentCheck, ev);
    Signals.InputSig input = KvmSignals.input(in, ev);
    Signals.KvmSig kvm = KvmSignals.kvm(in, currentCheck, ev);
    boolean capture = KvmSignals.capture(in, ev);
    Signals.JigglerSig jiggler = KvmSignals.jiggler(in, ev);
    Signals.VpnSig vpn = PlaceSignals.vpn(in, ev);
    Signals.GeoSig geo = PlaceSignals.geo(in, ev);
    Signals.ClockSig clock = PlaceSignals.clock(in, ev);
    Signals.HoursSig hours = TimeSignals.hours(in, ev);
    Signals.ContinuitySig continuity = TimeSignals.continuity(in, ev);
    Signals.PostureSig posture = PostureSignals.compute(in, ev);
    Signals.AgentSig agent = TimeSignals.agent(in, ev);
    Signals.ClusterSig cluster = cluster(in, ev);
    LocaleFacts lf = f.locale();
    List<String> layouts = lf == null ? List.of() : lf.keyboardLayouts();
    boolean korean = layouts.stream().anyMatch(l -> l.toLowerCase(Locale.ROOT).startsWith("ko"));
    if (korean) {
      ev.add(Evidence.of("locale.korean_ime", "layouts", "keyboard layouts " + layouts));
    }
    ev.sort(java.util.Comparator.comparing(Evidence::signal).thenComparing(Evidence::key));
    return new Signals(device, employee, remote, input, kvm, capture, jiggler, vpn, geo, clock, hours, continuity,
        posture, agent, cluster, new Signals.LocaleSig(korean, layouts), ev);
  }

  private static Signals.ClusterSig cluster(SignalInput in, List<Evidence> out) {
    ClusterView c = in.cluster();
    if (c == null) {
      return new Signals.ClusterSig(false, "", 1, 1, List.of(), false, false, false, 0);
    }
    out.addAll(c.evidence());
    List<String> kinds = c.linkKinds().stream().sorted().toList();
    return new Signals.ClusterSig(true, c.id(), c.devices(), c.employees(), kinds,
        kinds.stream().anyMatch(LAN::contains), kinds.stream().anyMatch(HARDWARE::contains), c.kvmEvidence(),
        c.membersWithRemoteTools());
  }
}
