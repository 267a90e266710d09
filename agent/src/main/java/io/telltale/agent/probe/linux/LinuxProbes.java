package io.telltale.agent.probe.linux;

import io.telltale.agent.probe.HostRoot;
import io.telltale.agent.probe.ProbeSet;
import io.telltale.agent.probe.activity.ActivityCapture;
import io.telltale.agent.probe.common.Memoized;
import java.time.Clock;
import java.time.Duration;

/** The Linux probe set. */
public final class LinuxProbes {

  // Packages and enabled units change on install; an hour is fresh enough and keeps FULL passes cheap.
  private static final Duration SLOW = Duration.ofHours(1);

  private LinuxProbes() {}

  /** Probes reading below {@code root}; live-only sources (commands, evdev) only when the root is live. */
  public static ProbeSet create(HostRoot root, Clock clock) {
    return new ProbeSet(
        new LinuxSystemProbe(root),
        new LinuxProcessProbe(root),
        Memoized.of(new LinuxServiceProbe(root), SLOW, clock),
        Memoized.of(new LinuxPackageProbe(root), SLOW, clock),
        new LinuxListenerProbe(root),
        new LinuxUsbProbe(root),
        new LinuxDisplayProbe(root),
        new LinuxInputDeviceProbe(root),
        new LinuxCaptureProbe(root),
        new LinuxNetworkProbe(root),
        new LinuxLocaleProbe(root, clock),
        new LinuxPowerProbe(root),
        new LinuxSessionProbe(root, clock),
        root.isLive() ? new LinuxEvdevCapture(root)
            : ActivityCapture.unavailable("not recorded for an offline host root"));
  }
}
