package io.telltale.agent.probe.linux;

import io.telltale.agent.probe.HostRoot;
import io.telltale.agent.probe.ProbeSet;
import io.telltale.agent.probe.activity.ActivityCapture;
import io.telltale.agent.probe.common.Unavailable;
import java.time.Clock;

/** The Linux probe set. */
public final class LinuxProbes {

  private LinuxProbes() {}

  /** Probes reading below {@code root}; live-only sources (commands, evdev) only when the root is live. */
  public static ProbeSet create(HostRoot root, Clock clock) {
    return new ProbeSet(
        new LinuxSystemProbe(root),
        new LinuxProcessProbe(root),
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
