package io.telltale.collector.detect;

import io.telltale.collector.model.HardwareFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The {@code kvm}, {@code capture}, {@code jiggler} and {@code input} groups. */
final class KvmSignals {

  /** Evidence kinds counted in {@code kvm.evidence_kinds}: hardware observed by or next to the laptop. */
  static final List<String> HARDWARE = List.of("kvm.usb_identity", "kvm.usb_gadget", "kvm.usb_structure",
      "kvm.abs_pointer", "kvm.storage_inquiry", "kvm.usb_nic", "kvm.edid_default", "kvm.edid_clone",
      "kvm.edid_capture", "kvm.neighbor");

  private KvmSignals() {}

  static Signals.KvmSig kvm(SignalInput in, EvidenceExtractor currentCheck, List<Evidence> out) {
    Set<String> seen = new TreeSet<>();
    Set<String> products = new TreeSet<>();
    for (EvidenceRecord r : in.withGroup("kvm")) {
      seen.add(r.evidence().signal());
      out.add(RemoteSignals.retag(r.evidence(), r));
      String device = r.evidence().detail("device");
      if (!device.isEmpty() && HARDWARE.contains(r.evidence().signal())) {
        products.add(shortName(device));
      }
    }
    int kinds = (int) HARDWARE.stream().filter(seen::contains).count();
    return new Signals.KvmSig(seen.contains("kvm.usb_identity"), seen.contains("kvm.usb_gadget"),
        seen.contains("kvm.usb_structure"), seen.contains("kvm.abs_pointer"), seen.contains("kvm.storage_inquiry"),
        seen.contains("kvm.usb_nic"), seen.contains("kvm.edid_default"), seen.contains("kvm.edid_clone"),
        seen.contains("kvm.edid_capture"), seen.contains("kvm.display_tell"), seen.contains("kvm.neighbor"),
        seen.contains("kvm.neighbor_board"), seen.contains("kvm.jiggle_period"), kinds, List.copyOf(products),
        presentNow(in, currentCheck));
  }

  private static boolean presentNow(SignalInput in, EvidenceExtractor check) {
    HardwareFacts hw = in.facts().hardware();
    if (hw == null) {
      return false;
    }
    List<Evidence> now = new ArrayList<>();
    check.kvmOnly(hw, now);
    return now.stream().anyMatch(e -> HARDWARE.contains(e.signal()));
  }

  static boolean capture(SignalInput in, List<Evidence> out) {
    for (EvidenceRecord r : in.withGroup("capture")) {
      out.add(RemoteSignals.retag(r.evidence(), r));
    }
    return !in.withGroup("capture").isEmpty();
  }

  static Signals.JigglerSig jiggler(SignalInput in, List<Evidence> out) {
    Set<String> tools = new TreeSet<>();
    Set<Integer> periods = new TreeSet<>();
    boolean hardware = false;
    for (EvidenceRecord r : in.withGroup("jiggler")) {
      Evidence e = r.evidence();
      out.add(RemoteSignals.retag(e, r));
      switch (e.signal()) {
        case "jiggler.software" -> tools.add(e.detail("tool"));
        case "jiggler.periodic" -> periods.add(Integer.parseInt(e.detail("period_seconds")));
        case "jiggler.hardware" -> hardware = true;
        default -> { }
      }
    }
    for (EvidenceRecord r : in.withSignal("kvm.jiggle_period")) {
      periods.add(Integer.parseInt(r.evidence().detail("period_seconds")));
    }
    return new Signals.JigglerSig(!tools.isEmpty(), List.copyOf(tools), !periods.isEmpty(), List.copyOf(periods),
        hardware);
  }

  static Signals.InputSig input(SignalInput in, List<Evidence> out) {
    long local = 0;
    long injected = 0;
    long external = 0;
    long active = 0;
    long jiggle = 0;
    long any = 0;
    for (HourBits h : in.hours()) {
      local += Long.bitCount(h.local());
      injected += Long.bitCount(h.injected());
      external += Long.bitCount(h.external());
      active += h.activeMinutes();
      jiggle += Long.bitCount(h.jiggle() & ~(h.local() | h.injected() | h.external()));
      any += h.anyInputMinutes();
    }
    Set<String> kvmIds = new TreeSet<>();
    for (EvidenceRecord r : in.withGroup("kvm")) {
      if (!r.evidence().detail("usb_id").isEmpty()) {
        kvmIds.add(r.evidence().detail("usb_id"));
      }
    }
    Set<String> sources = new TreeSet<>();
    boolean fromKvm = false;
    for (EvidenceRecord r : in.withSignal("input.external_source")) {
      String src = r.evidence().detail("source");
      sources.add(src);
      if (kvmIds.contains(src)) {
        fromKvm = true;
        out.add(Evidence.of("input.external_from_kvm", "source|" + src,
            "external input came from " + src + ", a USB device with KVM evidence", "source", src));
      }
    }
    double activeD = Math.max(1, active);
    if (active > 0 && injected * 2 >= active) {
      out.add(Evidence.of("input.injected_share", "share", String.format(java.util.Locale.ROOT,
          "%d of %d active minutes carried injected input (remote tools, synthetic events)", injected, active)));
    }
    if (active > 0 && external * 2 >= active) {
      out.add(Evidence.of("input.external_share", "share", String.format(java.util.Locale.ROOT,
          "%d of %d active minutes carried input from external HID devices %s", external, active, sources)));
    }
    return new Signals.InputSig((int) active, active == 0 ? 0 : local / activeD, active == 0 ? 0 : injected / activeD,
        active == 0 ? 0 : external / activeD, (int) jiggle, any == 0 ? 0 : jiggle / (double) any, fromKvm,
        List.copyOf(sources));
  }

  private static String shortName(String device) {
    String s = device;
    for (String stop : new String[] {" (", ";", ":", ","}) {
      int i = s.indexOf(stop);
      if (i > 0) {
        s = s.substring(0, i);
      }
    }
    return s.trim();
  }
}
