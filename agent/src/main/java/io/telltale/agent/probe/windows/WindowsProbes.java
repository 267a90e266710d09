package io.telltale.agent.probe.windows;

import io.telltale.agent.probe.HardwareFacts.CaptureDevice;
import io.telltale.agent.probe.HardwareFacts.InputDevice;
import io.telltale.agent.probe.OsFamily;
import io.telltale.agent.probe.ProbeSet;
import io.telltale.agent.probe.activity.ActivityCapture;
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

/** The Windows probe set. */
public final class WindowsProbes {

  // PowerShell/CIM inventories cost seconds of CPU each; an hour keeps FULL passes cheap for slow facts,
  // ten minutes keeps a newly plugged IP-KVM from going unseen for long.
  private static final Duration SLOW = Duration.ofHours(1);
  private static final Duration HARDWARE = Duration.ofMinutes(10);
  // The agent observes every cycle; the network commands are cheap on their own but add up across a day.
  private static final Duration NETWORK = Duration.ofMinutes(5);

  private WindowsProbes() {}

  /** Probes of the running Windows machine. */
  public static ProbeSet create(Clock clock) {
    SystemInfo oshi = new SystemInfo();
    return new ProbeSet(
        Memoized.of(new OshiSystemProbe(oshi, OsFamily.WINDOWS), SLOW, clock),
        new OshiProcessProbe(oshi),
        Memoized.of(new WindowsSoftwareProbes.Services(), SLOW, clock),
        Memoized.of(new WindowsSoftwareProbes.Apps(), SLOW, clock),
        new OshiListenerProbe(oshi),
        Memoized.of(new WindowsUsbProbe(), HARDWARE, clock),
        Memoized.of(new WindowsDisplayProbe(), HARDWARE, clock),
        Unavailable.<List<InputDevice>>probe("hardware.input_devices",
            "not implemented on Windows (pointer modes are in the USB functions)"),
        Unavailable.<List<CaptureDevice>>probe("hardware.capture_devices",
            "not implemented on Windows (Media Foundation needs native code)"),
        Memoized.of(new WindowsNetworkProbe(), NETWORK, clock),
        new JvmLocaleProbe(clock, () -> WindowsSoftwareProbes.parseLanguageList(
            PowerShell.run("Get-WinUserLanguageList | Select-Object LanguageTag | ConvertTo-Json"))),
        new WindowsPowerProbe(oshi),
        new WindowsSessionProbe(),
        ActivityCapture.unavailable(
            "not implemented on Windows (needs WH_MOUSE_LL/WH_KEYBOARD_LL hooks in the user's session)"));
  }
}
