package io.telltale.agent.probe.linux;

import io.telltale.agent.probe.Failures;
import io.telltale.agent.probe.HostRoot;
import io.telltale.agent.probe.PowerFacts;
import io.telltale.agent.probe.ProbeException;
import io.telltale.agent.probe.common.AbstractProbe;
import io.telltale.agent.probe.common.Parse;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Power from {@code /sys/class/power_supply} (battery capacity, mains {@code online}), the lid from
 * {@code /proc/acpi/button/lid/}{@code *}{@code /state}, and "sleep disabled" when systemd's sleep or suspend
 * target is masked (linked to /dev/null). A desktop or VM has no battery (reported as false) and no lid; a
 * value left unknown (AC, lid, sleep without a masked target) has a failure entry saying why.
 */
final class LinuxPowerProbe extends AbstractProbe<PowerFacts> {

  private static final String SUPPLIES = "/sys/class/power_supply";
  private static final String LIDS = "/proc/acpi/button/lid";

  private final HostRoot root;

  LinuxPowerProbe(HostRoot root) {
    super("power");
    this.root = root;
  }

  @Override
  protected PowerFacts collect(Failures failures) throws ProbeException {
    Boolean hasBattery = false;
    Boolean onAc = null;
    int percent = -1;
    List<String> supplies = root.exists(SUPPLIES) ? root.list(SUPPLIES) : List.of();
    for (String s : supplies) {
      String dir = SUPPLIES + "/" + s;
      String type = root.readOr(dir + "/type", "");
      if (type.equals("Battery") && !root.readOr(dir + "/scope", "").equals("Device")) {
        hasBattery = true; // scope=Device: a mouse's or headset's battery, not the laptop's
        percent = Parse.toInt(root.readOr(dir + "/capacity", ""), -1);
      } else if (type.equals("Mains") || type.equals("USB") || type.startsWith("USB_")) {
        int online = Parse.toInt(root.readOr(dir + "/online", ""), -1);
        if (online >= 0) {
          onAc = Boolean.TRUE.equals(onAc) || online == 1;
        }
      }
    }
    Boolean lidOpen = null;
    if (root.exists(LIDS)) {
      for (String lid : root.list(LIDS)) {
        lidOpen = parseLidState(root.readOr(LIDS + "/" + lid + "/state", ""));
        if (lidOpen != null) {
          break;
        }
      }
    }
    boolean masked = isMasked("sleep.target") || isMasked("suspend.target");
    if (onAc == null) {
      failures.add(name() + ".on_ac", "no mains or USB supply with an online state in " + SUPPLIES);
    }
    if (hasBattery && percent < 0) {
      failures.add(name() + ".battery_percent", "battery capacity unreadable in " + SUPPLIES);
    }
    if (lidOpen == null) {
      failures.add(name() + ".lid", root.exists(LIDS) ? "no readable lid state in " + LIDS : "no ACPI lid switch: " + LIDS);
    }
    if (!masked) {
      failures.add(name() + ".sleep_disabled_on_ac",
          "only a masked sleep.target or suspend.target is recognised; desktop power settings are not read");
    }
    return new PowerFacts(hasBattery, onAc, percent, lidOpen, masked ? Boolean.TRUE : null);
  }

  /** "state:      open" → true, "closed" → false, anything else → null. */
  static @Nullable Boolean parseLidState(String text) {
    if (text.contains("open")) {
      return true;
    }
    return text.contains("closed") ? false : null;
  }

  private boolean isMasked(String unit) {
    return root.readLink("/etc/systemd/system/" + unit).equals("/dev/null");
  }
}
