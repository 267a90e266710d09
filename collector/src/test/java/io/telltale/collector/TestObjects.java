package io.telltale.collector;

import io.telltale.collector.model.ActivityRecord;
import io.telltale.collector.model.DeviceReport;
import io.telltale.collector.model.HardwareFacts;
import io.telltale.collector.model.LocaleFacts;
import io.telltale.collector.model.NetworkFacts;
import io.telltale.collector.model.OsFamily;
import io.telltale.collector.model.PowerFacts;
import io.telltale.collector.model.ReportKind;
import io.telltale.collector.model.SessionFacts;
import io.telltale.collector.model.SoftwareFacts;
import io.telltale.collector.model.SystemFacts;
import io.telltale.collector.model.Timing;
import java.time.Instant;
import java.util.List;

/** Canonical devices and reports for collector tests. */
public final class TestObjects {

  /** A fixed instant on a minute boundary (2024-05-01T09:00:00Z). */
  public static final Instant T0 = Instant.parse("2024-05-01T09:00:00Z");

  private TestObjects() {}

  public static SoftwareFacts software(String... processNames) {
    return new SoftwareFacts(
        java.util.Arrays.stream(processNames).map(n -> SoftwareFacts.RunningProcess.of(n, "/usr/bin/" + n)).toList(),
        List.of(new SoftwareFacts.ServiceEntry("sshd", "OpenSSH", true, true)),
        List.of(new SoftwareFacts.InstalledApp("Firefox", "126.0", "org.mozilla.firefox", "Mozilla")),
        List.of(new SoftwareFacts.ListeningSocket(22, SoftwareFacts.Protocol.TCP, "0.0.0.0", "sshd")));
  }

  public static HardwareFacts hardware(HardwareFacts.Display... externals) {
    List<HardwareFacts.Display> displays = new java.util.ArrayList<>();
    displays.add(display(true, "BOE", 0x0a1b, 0, ""));
    displays.addAll(List.of(externals));
    return new HardwareFacts(
        List.of(new HardwareFacts.UsbDevice("046d", "c52b", "Logitech", "Unifying Receiver", "", "1211",
            List.of(HardwareFacts.UsbFunction.KEYBOARD, HardwareFacts.UsbFunction.MOUSE_RELATIVE), List.of(), 98,
            "1-2", "")),
        displays, List.of(), List.of());
  }

  public static HardwareFacts.Display display(boolean internal, String mfg, int product, long serial, String serialText) {
    return new HardwareFacts.Display(internal, true, internal ? "eDP-1" : "HDMI-A-1", mfg, product, serial, "", serialText,
        1920, 1080, 60000, 34, 19, 10, 2021, 1920, 1080, 60000, "");
  }

  public static NetworkFacts network(String gatewayMac, String bssid) {
    return new NetworkFacts(
        List.of(new NetworkFacts.NetworkInterface("wlan0", "", NetworkFacts.InterfaceKind.WIFI, true,
            List.of("192.168.1.23/24"), "hmac:00112233445566778899aabbccddeeff", "iwlwifi")),
        new NetworkFacts.Gateway("192.168.1.1", gatewayMac, "dc:a6:32", "wlan0"),
        List.of(new NetworkFacts.Neighbor("hmac:ffeeddccbbaa99887766554433221100", "b8:27:eb", "pikvm.local")),
        new NetworkFacts.Wifi("hmac:5351445353494453534944535349440a", bssid, "aa:bb:cc"),
        List.of("192.168.1.1"),
        List.of());
  }

  public static SystemFacts system(String hostname) {
    return new SystemFacts(OsFamily.LINUX, "Debian GNU/Linux 12", "6.1.0-18-amd64", hostname, "SER-" + hostname,
        "LENOVO", "20XW0026US", 3600, false);
  }

  /** A FULL report observed at {@code observedAt} with the given processes. */
  public static DeviceReport full(String deviceId, long sequence, Instant observedAt, String publicIp,
      String... processes) {
    return new DeviceReport(deviceId, sequence, ReportKind.FULL, observedAt, observedAt, publicIp, "0.1.0", 1, 0,
        system("host-" + deviceId.substring(0, 4)), software(processes), hardware(),
        network("hmac:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "hmac:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"),
        new LocaleFacts("Europe/Berlin", 120, "de-DE", List.of("de-DE")),
        new PowerFacts(true, true, 80, true, false),
        new SessionFacts(List.of(new SessionFacts.Session(SessionFacts.Kind.CONSOLE, "alice", "", "", null)), false,
            false, 5, false),
        new Timing(12, 0L), null, List.of());
  }

  /** A HEARTBEAT with activity: {@code minutes} minutes from {@code firstMinute}, each with local input. */
  public static DeviceReport heartbeat(String deviceId, long sequence, Instant observedAt, String publicIp,
      long firstMinute, int minutes) {
    List<ActivityRecord.Minute> list = new java.util.ArrayList<>();
    for (int i = 0; i < minutes; i++) {
      list.add(new ActivityRecord.Minute(i, 10, 0, 0, i % 2 == 0 ? 0 : 30, 0));
    }
    return new DeviceReport(deviceId, sequence, ReportKind.HEARTBEAT, observedAt, observedAt, publicIp, "0.1.0", 1, 0,
        null, null, null, null, null, new PowerFacts(true, false, 55, false, null),
        new SessionFacts(List.of(), false, false, 1, false), new Timing(15, 0L),
        new ActivityRecord(firstMinute, minutes, list, List.of()), List.of());
  }
}
