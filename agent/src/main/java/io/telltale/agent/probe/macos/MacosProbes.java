package io.telltale.agent.probe.macos;

import io.telltale.agent.probe.OsFamily;
import io.telltale.agent.probe.ProbeSet;
import io.telltale.agent.probe.activity.ActivityCapture;
import io.telltale.agent.probe.common.OshiProcessProbe;
import io.telltale.agent.probe.common.OshiSystemProbe;
import io.telltale.agent.probe.common.Unavailable;
import java.time.Clock;
import oshi.SystemInfo;

/** The Macos probe set. */
public final class MacosProbes {

  private MacosProbes() {}

  /** Probes of the running Macos machine. */
  public static ProbeSet create(Clock clock) {
    SystemInfo oshi = new SystemInfo();
    return new ProbeSet(
        new OshiSystemProbe(oshi, OsFamily.MACOS),
        new OshiProcessProbe(oshi),
        Unavailable.probe("software.services", "not implemented yet"),
        Unavailable.probe("software.installed_apps", "not implemented yet"),
        Unavailable.probe("software.listeners", "not implemented yet"),
        Unavailable.probe("hardware.usb", "not implemented yet"),
        Unavailable.probe("hardware.displays", "not implemented yet"),
        Unavailable.probe("hardware.input_devices", "not implemented yet"),
        Unavailable.probe("hardware.capture_devices", "not implemented yet"),
        Unavailable.probe("network", "not implemented yet"),
        Unavailable.probe("locale", "not implemented yet"),
        Unavailable.probe("power", "not implemented yet"),
        Unavailable.probe("sessions", "not implemented yet"),
        ActivityCapture.unavailable("not implemented yet"));
  }
}
