package io.telltale.agent.probe;

import static java.util.Objects.requireNonNull;

import io.telltale.agent.probe.HardwareFacts.CaptureDevice;
import io.telltale.agent.probe.HardwareFacts.Display;
import io.telltale.agent.probe.HardwareFacts.InputDevice;
import io.telltale.agent.probe.HardwareFacts.UsbDevice;
import io.telltale.agent.probe.SoftwareFacts.InstalledApp;
import io.telltale.agent.probe.SoftwareFacts.ListeningSocket;
import io.telltale.agent.probe.SoftwareFacts.RunningProcess;
import io.telltale.agent.probe.SoftwareFacts.ServiceEntry;
import io.telltale.agent.probe.activity.ActivityCapture;
import java.util.List;

/**
 * The probes of one platform, one per fact, as {@link Probes#forCurrentPlatform} chose them. The per-OS
 * packages build these; {@link PlatformProbeSource} runs them.
 */
public record ProbeSet(
    Probe<SystemFacts> system,
    Probe<List<RunningProcess>> processes,
    Probe<List<ServiceEntry>> services,
    Probe<List<InstalledApp>> installedApps,
    Probe<List<ListeningSocket>> listeners,
    Probe<List<UsbDevice>> usb,
    Probe<List<Display>> displays,
    Probe<List<InputDevice>> inputDevices,
    Probe<List<CaptureDevice>> captureDevices,
    Probe<NetworkFacts> network,
    Probe<LocaleFacts> locale,
    Probe<PowerFacts> power,
    Probe<SessionFacts> sessions,
    ActivityCapture activity) {

  public ProbeSet {
    requireNonNull(system, "system");
    requireNonNull(processes, "processes");
    requireNonNull(services, "services");
    requireNonNull(installedApps, "installedApps");
    requireNonNull(listeners, "listeners");
    requireNonNull(usb, "usb");
    requireNonNull(displays, "displays");
    requireNonNull(inputDevices, "inputDevices");
    requireNonNull(captureDevices, "captureDevices");
    requireNonNull(network, "network");
    requireNonNull(locale, "locale");
    requireNonNull(power, "power");
    requireNonNull(sessions, "sessions");
    requireNonNull(activity, "activity");
  }
}
