package io.telltale.agent.probe.common;

import io.telltale.agent.probe.Failures;
import io.telltale.agent.probe.OsFamily;
import io.telltale.agent.probe.ProbeException;
import io.telltale.agent.probe.SystemFacts;
import java.util.Locale;
import oshi.SystemInfo;
import oshi.hardware.ComputerSystem;
import oshi.software.os.OperatingSystem;

/** OS, host and hardware identity through OSHI (Windows and macOS). */
public final class OshiSystemProbe extends AbstractProbe<SystemFacts> {

  private final SystemInfo oshi;
  private final OsFamily family;

  public OshiSystemProbe(SystemInfo oshi, OsFamily family) {
    super("system");
    this.oshi = oshi;
    this.family = family;
  }

  @Override
  protected SystemFacts collect(Failures failures) throws ProbeException {
    OperatingSystem os = oshi.getOperatingSystem();
    ComputerSystem cs = oshi.getHardware().getComputerSystem();
    String serial = clean(cs.getSerialNumber());
    String vendor = clean(cs.getManufacturer());
    String model = clean(cs.getModel());
    return new SystemFacts(
        family,
        clean(os.getVersionInfo().getVersion()),
        clean(os.getVersionInfo().getBuildNumber()),
        clean(os.getNetworkParams().getHostName()),
        serial,
        vendor,
        model,
        os.getSystemUptime(),
        looksVirtual(vendor + " " + model));
  }

  /** OSHI says "unknown" where it could not read a value; the wire says "". */
  static String clean(String s) {
    return s == null || s.equalsIgnoreCase("unknown") ? "" : s.trim();
  }

  static boolean looksVirtual(String vendorAndModel) {
    String v = vendorAndModel.toLowerCase(Locale.ROOT);
    return v.contains("vmware") || v.contains("virtualbox") || v.contains("qemu") || v.contains("parallels")
        || v.contains("virtual machine") || v.contains("hyper-v") || v.contains("kvm");
  }
}
