package io.telltale.agent.probe.macos;

import io.telltale.agent.probe.HardwareFacts.CaptureDevice;
import io.telltale.agent.probe.OsFamily;
import io.telltale.agent.probe.ProbeSet;
import io.telltale.agent.probe.activity.ActivityCapture;
import io.telltale.agent.probe.common.Command;
import io.telltale.agent.probe.common.JvmLocaleProbe;
import io.telltale.agent.probe.common.Memoized;
import io.telltale.agent.probe.common.OshiListenerProbe;
import io.telltale.agent.probe.common.OshiProcessProbe;
import io.telltale.agent.probe.common.OshiSystemProbe;
import io.telltale.agent.probe.common.Unavailable;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import oshi.SystemInfo;

/** The macOS probe set. */
public final class MacosProbes {

  // Apps, launchd jobs and USB/display inventories cost several process launches; an hour keeps FULL passes
  // cheap while still noticing an IP-KVM within the hour it was plugged in.
  private static final Duration SLOW = Duration.ofHours(1);
  private static final Duration HARDWARE = Duration.ofMinutes(10);
  // The agent observes every cycle; the network commands are cheap on their own but add up across a day.
  private static final Duration NETWORK = Duration.ofMinutes(5);

  private MacosProbes() {}

  /** Probes of the running Mac. */
  public static ProbeSet create(Clock clock) {
    SystemInfo oshi = new SystemInfo();
    return new ProbeSet(
        Memoized.of(new OshiSystemProbe(oshi, OsFamily.MACOS), SLOW, clock),
        new OshiProcessProbe(oshi),
        Memoized.of(new MacosSoftwareProbes.Services(), SLOW, clock),
        Memoized.of(new MacosSoftwareProbes.Apps(), SLOW, clock),
        new OshiListenerProbe(oshi),
        Memoized.of(new MacosUsbProbe(), HARDWARE, clock),
        Memoized.of(new MacosDisplayProbe(), HARDWARE, clock),
        Memoized.of(new MacosInputProbes(), HARDWARE, clock),
        Unavailable.<List<CaptureDevice>>probe("hardware.capture_devices",
            "not implemented on macOS (AVCaptureDevice needs native code)"),
        Memoized.of(new MacosNetworkProbe(), NETWORK, clock),
        new JvmLocaleProbe(clock, () -> MacosLocale.parseInputSources(
            Command.run("defaults", "read", "com.apple.HIToolbox", "AppleEnabledInputSources"))),
        new MacosPowerProbe(),
        new MacosSessionProbe(),
        ActivityCapture.unavailable("not implemented on macOS (needs a CGEventTap with Input Monitoring)"));
  }
}
