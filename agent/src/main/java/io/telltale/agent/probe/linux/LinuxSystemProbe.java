package io.telltale.agent.probe.linux;

import io.telltale.agent.probe.Failures;
import io.telltale.agent.probe.HostRoot;
import io.telltale.agent.probe.OsFamily;
import io.telltale.agent.probe.ProbeException;
import io.telltale.agent.probe.SystemFacts;
import io.telltale.agent.probe.common.AbstractProbe;
import io.telltale.agent.probe.common.Parse;
import java.util.Locale;
import java.util.Set;

/** OS, host and hardware identity from /etc/os-release, /proc/sys/kernel and /sys/class/dmi/id. */
final class LinuxSystemProbe extends AbstractProbe<SystemFacts> {

  // DMI sys_vendor values of common hypervisors.
  private static final Set<String> VM_VENDORS = Set.of(
      "qemu", "vmware, inc.", "innotek gmbh", "xen", "microsoft corporation", "parallels software international inc.",
      "red hat", "amazon ec2", "google");

  private final HostRoot root;

  LinuxSystemProbe(HostRoot root) {
    super("system");
    this.root = root;
  }

  @Override
  protected SystemFacts collect(Failures failures) throws ProbeException {
    String osRelease = root.exists("/etc/os-release") ? root.readOr("/etc/os-release", "")
        : root.readOr("/usr/lib/os-release", "");
    String hostname = root.readOr("/proc/sys/kernel/hostname", "");
    if (hostname.isEmpty()) {
      hostname = root.readOr("/etc/hostname", "");
    }
    String vendor = root.readOr("/sys/class/dmi/id/sys_vendor", "");
    String serial = part("serial", failures, () -> root.read("/sys/class/dmi/id/product_serial").trim());
    String uptime = part("uptime", failures, () -> root.read("/proc/uptime"));
    String cpuinfo = root.readOr("/proc/cpuinfo", "");
    return new SystemFacts(
        OsFamily.LINUX,
        osReleaseValue(osRelease, "PRETTY_NAME"),
        root.readOr("/proc/sys/kernel/osrelease", ""),
        hostname,
        serial == null ? "" : serial,
        vendor,
        model(root.readOr("/sys/class/dmi/id/product_name", ""), root.readOr("/sys/class/dmi/id/product_version", "")),
        uptime == null ? 0 : (long) Parse.toDouble(uptime, 0),
        isVirtual(vendor, cpuinfo));
  }

  /** A value of an os-release file (quotes removed); "" when absent. */
  static String osReleaseValue(String text, String key) {
    for (String line : text.split("\n")) {
      if (line.startsWith(key + "=")) {
        String v = line.substring(key.length() + 1).trim();
        if (v.length() >= 2 && (v.startsWith("\"") || v.startsWith("'"))) {
          v = v.substring(1, v.length() - 1);
        }
        return v;
      }
    }
    return "";
  }

  /** Lenovo puts the machine type in product_name and the marketing name in product_version. */
  static String model(String productName, String productVersion) {
    if (productVersion.isEmpty() || productVersion.equalsIgnoreCase("none")
        || productVersion.toLowerCase(Locale.ROOT).contains("to be filled")) {
      return productName;
    }
    return productName.isEmpty() ? productVersion : productName + " (" + productVersion + ")";
  }

  static boolean isVirtual(String dmiVendor, String cpuinfo) {
    if (VM_VENDORS.contains(dmiVendor.trim().toLowerCase(Locale.ROOT))) {
      return true;
    }
    for (String line : cpuinfo.split("\n")) {
      if (line.startsWith("flags")) {
        return (" " + line + " ").contains(" hypervisor ");
      }
    }
    return false;
  }
}
