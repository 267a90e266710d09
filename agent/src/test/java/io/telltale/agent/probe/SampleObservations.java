package io.telltale.agent.probe;

import io.telltale.agent.probe.HardwareFacts.UsbFunction;
import io.telltale.agent.probe.HardwareFacts.UsbInterface;
import java.time.Instant;
import java.util.List;

/** Canonical observation records for tests: a laptop with a PiKVM attached, on a home network. */
public final class SampleObservations {

  public static final Instant NOW = Instant.parse("2025-03-04T05:06:07Z");

  private SampleObservations() {}

  public static Observations farmLaptop() {
    SystemFacts system = new SystemFacts(OsFamily.LINUX, "Debian GNU/Linux 12 (bookworm)", "6.1.0-18-amd64",
        "lt-0042", "PF3ABCDE", "LENOVO", "20XW0026US", 86_400 * 21, false);
    SoftwareFacts software = new SoftwareFacts(
        List.of(new SoftwareFacts.RunningProcess("anydesk", "/usr/bin/anydesk", "", "", "", 2)),
        List.of(new SoftwareFacts.ServiceEntry("anydesk.service", "AnyDesk", true, true)),
        List.of(new SoftwareFacts.InstalledApp("anydesk", "6.3.0", "anydesk", "philandro Software GmbH")),
        List.of(new SoftwareFacts.ListeningSocket(7070, SoftwareFacts.Protocol.TCP, "0.0.0.0", "anydesk")));
    HardwareFacts hardware = new HardwareFacts(
        List.of(new HardwareFacts.UsbDevice("1d6b", "0104", "PiKVM", "PiKVM Composite Device", "CAFEBABE", "0510",
            List.of(UsbFunction.KEYBOARD, UsbFunction.MOUSE_ABSOLUTE, UsbFunction.CDROM),
            List.of(new UsbInterface(3, 1, 1, "usbhid"), new UsbInterface(3, 0, 0, "usbhid"),
                new UsbInterface(8, 6, 80, "usb-storage")),
            250, "1-2", "PiKVM Optical Drive")),
        List.of(new HardwareFacts.Display(false, true, "HDMI-A-1", "LNX", 0x7773, 0x01010101L, "PiKVM V4 Plus",
            "CAFEBABE", 1920, 1080, 60_000, 53, 30, 35, 2016, 1920, 1080, 60_000, "ab".repeat(32))),
        List.of(new HardwareFacts.InputDevice("PiKVM Composite Device", HardwareFacts.InputBus.USB, "1d6b", "0104",
            true, HardwareFacts.PointerMode.ABSOLUTE)),
        List.of(new HardwareFacts.CaptureDevice("USB Video", "534d", "2109")));
    NetworkFacts network = new NetworkFacts(
        List.of(new NetworkFacts.NetworkInterface("wlp0s20f3", "", NetworkFacts.InterfaceKind.WIFI, true,
            List.of("192.168.1.23/24"), "3C:22:FB:01:02:03", "iwlwifi")),
        new NetworkFacts.Gateway("192.168.1.1", "94:83:C4:AA:BB:CC", "wlp0s20f3"),
        List.of(new NetworkFacts.Neighbor("DC:A6:32:01:02:03", "pikvm.local")),
        new NetworkFacts.Wifi("HomeNet", "94:83:c4:aa:bb:cd"),
        List.of("192.168.1.1"),
        List.of());
    LocaleFacts locale = new LocaleFacts("America/Phoenix", -420, "en-US", List.of("en-US", "ko-KR"));
    PowerFacts power = new PowerFacts(true, true, 100, false, true);
    SessionFacts sessions = new SessionFacts(
        List.of(new SessionFacts.Session(SessionFacts.Kind.SSH, "alice", "", "203.0.113.9",
            Instant.parse("2025-03-04T01:00:00Z"))),
        null, null, 42, false);
    return new Observations(NOW, system, software, hardware, network, locale, power, sessions,
        List.of(new Observations.ProbeFailure("network.wifi", "command not found: nmcli")));
  }
}
