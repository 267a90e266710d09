package io.telltale.collector.detect;

import io.telltale.collector.model.HardwareFacts;
import io.telltale.collector.model.PowerFacts;
import io.telltale.collector.model.SystemFacts;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The {@code posture} group: lid, power, displays (INDICATORS 9, 11.3). */
final class PostureSignals {

  private static final Set<String> KVM_DISPLAY = Set.of("kvm.edid_default", "kvm.edid_clone", "kvm.edid_capture",
      "kvm.display_tell");

  private PostureSignals() {}

  static Signals.PostureSig compute(SignalInput in, List<Evidence> out) {
    PowerFacts p = in.facts().power();
    boolean onAc = p != null && Boolean.TRUE.equals(p.onAc());
    boolean lidKnown = p != null && p.lidOpen() != null;
    boolean lidClosed = p != null && Boolean.FALSE.equals(p.lidOpen());
    HardwareFacts hw = in.facts().hardware();
    int external = 0;
    int activeExternal = 0;
    boolean internalActive = false;
    int kvmLikeActive = 0;
    if (hw != null) {
      for (HardwareFacts.Display d : hw.displays()) {
        if (d.internal()) {
          internalActive |= d.active() && !lidClosed;
          continue;
        }
        external++;
        if (d.active()) {
          activeExternal++;
          if (kvmLike(in, d)) {
            kvmLikeActive++;
          }
        }
      }
    }
    boolean noScreen = !internalActive && activeExternal == 0;
    boolean headless = lidClosed && onAc && (noScreen || (activeExternal == 1 && kvmLikeActive == 1));
    int reported = 0;
    int closedAc = 0;
    int lidOpen = 0;
    for (HourBits h : in.hours()) {
      if (h.has(HourBits.REPORTED)) {
        reported++;
        closedAc += h.has(HourBits.LID_CLOSED_ON_AC) && !h.has(HourBits.LID_OPEN) ? 1 : 0;
        lidOpen += h.has(HourBits.LID_OPEN) ? 1 : 0;
      }
    }
    SystemFacts sys = in.facts().system();
    double uptime = sys == null ? 0 : sys.uptimeSeconds() / 86_400.0;
    if (headless) {
      out.add(Evidence.of("posture.headless", "headless", String.format(Locale.ROOT,
          "lid closed on AC with %s; lid open in %d of %d reporting hours; up %.1f days",
          noScreen ? "no active display" : "one external display that is a KVM or unidentified",
          lidOpen, reported, uptime)));
    }
    return new Signals.PostureSig(onAc, lidClosed, lidKnown, external, activeExternal, headless,
        reported == 0 ? 0 : closedAc / (double) reported, lidOpen, uptime,
        p != null && Boolean.TRUE.equals(p.sleepDisabledOnAc()));
  }

  /** A display a KVM or capture device presents, or one with no identity at all (no serial of any kind). */
  private static boolean kvmLike(SignalInput in, HardwareFacts.Display d) {
    String ident = d.manufacturerId() + ":" + d.productCode() + ":" + d.serialNumber()
        + (d.serialString().isEmpty() ? "" : ":" + d.serialString());
    boolean kvm = in.evidence().stream().anyMatch(r -> KVM_DISPLAY.contains(r.evidence().signal())
        && ident.equals(r.evidence().detail("edid")));
    return kvm || (d.serialNumber() == 0 && d.serialString().isEmpty());
  }
}
