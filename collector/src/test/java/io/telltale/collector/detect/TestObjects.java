package io.telltale.collector.detect;

import io.telltale.collector.detect.catalogue.Catalogue;
import io.telltale.collector.detect.catalogue.CatalogueLoader;
import io.telltale.collector.detect.geo.IpInfo;
import io.telltale.collector.detect.geo.IpIntel;
import io.telltale.collector.detect.geo.IpKind;
import io.telltale.collector.model.ActivityRecord;
import io.telltale.collector.model.DeviceReport;
import io.telltale.collector.model.HardwareFacts;
import io.telltale.collector.model.HardwareFacts.UsbFunction;
import io.telltale.collector.model.LocaleFacts;
import io.telltale.collector.model.NetworkFacts;
import io.telltale.collector.model.OsFamily;
import io.telltale.collector.model.PowerFacts;
import io.telltale.collector.model.ReportKind;
import io.telltale.collector.model.SessionFacts;
import io.telltale.collector.model.SoftwareFacts;
import io.telltale.collector.model.SystemFacts;
import io.telltale.collector.model.Timing;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Canonical devices, hardware, networks and employees for detection tests. */
public final class TestObjects {

  public static final Instant T0 = Instant.parse("2025-06-09T00:00:00Z");
  public static final Catalogue CATALOGUE = CatalogueLoader.builtIn();

  private TestObjects() {}

  // ------------------------------------------------------------------ hardware

  public static HardwareFacts.UsbDevice usb(String vid, String pid, String mfr, String product, String serial,
      UsbFunction... functions) {
    return new HardwareFacts.UsbDevice(vid, pid, mfr, product, serial, "", List.of(functions), List.of(), 0, "", "");
  }

  public static final HardwareFacts.UsbDevice PIKVM_USB = usb("1d6b", "0104", "PiKVM", "PiKVM Composite Device",
      "CAFEBABE", UsbFunction.KEYBOARD, UsbFunction.MOUSE_ABSOLUTE, UsbFunction.CDROM);
  /** A KVM that copied a Logitech keyboard's ids and strings but still carries its virtual drive. */
  public static final HardwareFacts.UsbDevice SPOOFED_KVM_USB = usb("046d", "c31c", "Logitech", "USB Keyboard", "",
      UsbFunction.KEYBOARD, UsbFunction.MOUSE_ABSOLUTE, UsbFunction.MASS_STORAGE);
  public static final HardwareFacts.UsbDevice LOGITECH_RECEIVER = usb("046d", "c52b", "Logitech", "USB Receiver", "",
      UsbFunction.KEYBOARD, UsbFunction.MOUSE_RELATIVE, UsbFunction.OTHER);
  public static final HardwareFacts.UsbDevice QEMU_TABLET = usb("0627", "0001", "QEMU", "QEMU USB Tablet", "42",
      UsbFunction.KEYBOARD, UsbFunction.MOUSE_ABSOLUTE, UsbFunction.MASS_STORAGE);
  public static final HardwareFacts.UsbDevice CAPTURE_DONGLE = usb("534d", "2109", "MACROSILICON", "USB Video", "",
      UsbFunction.VIDEO, UsbFunction.AUDIO);

  public static HardwareFacts.Display display(boolean internal, boolean active, String mfr, int product, long serial,
      String name, String serialString, int refreshHz) {
    return new HardwareFacts.Display(internal, active, internal ? "eDP-1" : "HDMI-A-1", mfr, product, serial, name,
        serialString, 1920, 1080, refreshHz * 1000, 0, 0, 0, 0, 0, 0, 0, "");
  }

  public static final HardwareFacts.Display PANEL = display(true, false, "BOE", 2972, 0, "", "", 60);
  public static final HardwareFacts.Display PIKVM_EDID = display(false, true, "LNX", 0x7771, 0x01010101L, "PiKVM V3",
      "CAFEBABE", 50);
  public static final HardwareFacts.Display DELL_MONITOR = display(false, true, "DEL", 16801, 371556238L,
      "DELL P2422H", "PYN0JM1", 60);
  /** A real monitor's EDID imported into KVMs (non-catalogue serial): shared, it is a clone. */
  public static final HardwareFacts.Display IMPORTED_EDID = display(false, true, "DEL", 17008, 2900418652L,
      "DELL U2723QE", "HW6F6KT", 60);
  public static final HardwareFacts.Display JETKVM_ACER_PRESET = display(false, true, "ACR", 0x0565, 0x01613F8AL,
      "B246WL", "T8NEE0038522", 60);

  public static HardwareFacts hardware(List<HardwareFacts.UsbDevice> usb, List<HardwareFacts.Display> displays) {
    return new HardwareFacts(usb, displays, List.of(), List.of());
  }

  // ------------------------------------------------------------------ software

  public static SoftwareFacts software(List<String> processes, List<String> services, List<String> apps,
      List<SoftwareFacts.ListeningSocket> listeners) {
    return new SoftwareFacts(processes.stream().map(p -> SoftwareFacts.RunningProcess.of(p, "")).toList(),
        services.stream().map(s -> new SoftwareFacts.ServiceEntry(s, "", true, true)).toList(),
        apps.stream().map(a -> new SoftwareFacts.InstalledApp(a, "", "", "")).toList(), listeners);
  }

  public static SoftwareFacts plainSoftware() {
    return software(List.of("explorer.exe", "chrome.exe", "ms-teams.exe"), List.of("Dnscache"),
        List.of("Google Chrome"), List.of());
  }

  public static SoftwareFacts anyDesk() {
    return software(List.of("explorer.exe", "AnyDesk.exe"), List.of("AnyDesk"), List.of("AnyDesk"),
        List.of(new SoftwareFacts.ListeningSocket(7070, SoftwareFacts.Protocol.TCP, "0.0.0.0", "AnyDesk.exe")));
  }

  // ------------------------------------------------------------------ sessions

  /** The console session plus one remote-tool session per tool ("AnyDesk"), as an agent reports them. */
  public static SessionFacts remoteToolSessions(String... tools) {
    List<SessionFacts.Session> out = new ArrayList<>();
    out.add(new SessionFacts.Session(SessionFacts.Kind.CONSOLE, "u", "", "", null));
    for (String tool : tools) {
      out.add(new SessionFacts.Session(SessionFacts.Kind.REMOTE_TOOL, "u", tool, "198.51.100.200", null));
    }
    return new SessionFacts(out, false, null, 0, false);
  }

  // ------------------------------------------------------------------ network

  public static NetworkFacts network(String gatewayMac, String bssid, List<NetworkFacts.Neighbor> neighbors) {
    return new NetworkFacts(List.of(), new NetworkFacts.Gateway("192.168.0.1", gatewayMac, "a0:40:a0", "wlan0"),
        neighbors, new NetworkFacts.Wifi("hmac:ssid", bssid, "a0:40:a0"), List.of(), List.of());
  }

  public static NetworkFacts.Neighbor neighbor(String mac, String host) {
    return new NetworkFacts.Neighbor(mac, mac.length() >= 8 && !mac.startsWith("hmac:") ? mac.substring(0, 8)
        : "8c:79:f5", host);
  }

  // ------------------------------------------------------------------ people and places

  public static Employee employee(String id, String region, String timezone, String... groups) {
    return new Employee(id, "Name " + id, id + "@example.com", "US", region, timezone, List.of(groups));
  }

  public static IpIntel intel(Map<String, IpInfo> table) {
    Map<String, IpInfo> copy = new HashMap<>(table);
    return ip -> Optional.ofNullable(copy.get(ip));
  }

  public static IpInfo residential(String region) {
    return new IpInfo("US", region, "", 7922, "Comcast", IpKind.RESIDENTIAL);
  }

  // ------------------------------------------------------------------ reports

  /** A builder of one report at a time offset from {@link #T0}. */
  public static final class ReportBuilder {
    private final String deviceId;
    private long seq = 1;
    private Instant at = T0;
    private String ip = "192.0.2.10";
    private SoftwareFacts software;
    private HardwareFacts hardware;
    private NetworkFacts network;
    private PowerFacts power = new PowerFacts(true, false, 80, true, false);
    private SessionFacts sessions = new SessionFacts(List.of(), null, null, 0, false);
    private LocaleFacts locale = new LocaleFacts("America/Chicago", -300, "en-US", List.of("en-US"));
    private SystemFacts system;
    private ActivityRecord activity;
    private Timing timing;

    public ReportBuilder(String deviceId) {
      this.deviceId = deviceId;
      this.system = new SystemFacts(OsFamily.WINDOWS, "11", "22631", deviceId.toUpperCase(), "SN-" + deviceId, "Dell",
          "Latitude", 86_400, false);
    }

    public ReportBuilder at(Duration sinceT0) {
      this.at = T0.plus(sinceT0);
      return this;
    }

    public ReportBuilder seq(long s) {
      this.seq = s;
      return this;
    }

    /** The sequence number set so far (the hour, in hourly test feeds). */
    public long seqNow() {
      return seq;
    }

    /** The device clock minus the collector clock, as the collector measured it. */
    public ReportBuilder clockOffset(long millis) {
      this.timing = new Timing(20, millis);
      return this;
    }

    public ReportBuilder ip(String publicIp) {
      this.ip = publicIp;
      return this;
    }

    public ReportBuilder software(SoftwareFacts s) {
      this.software = s;
      return this;
    }

    public ReportBuilder hardware(HardwareFacts h) {
      this.hardware = h;
      return this;
    }

    public ReportBuilder network(NetworkFacts n) {
      this.network = n;
      return this;
    }

    public ReportBuilder power(Boolean onAc, Boolean lidOpen) {
      this.power = new PowerFacts(true, onAc, 100, lidOpen, null);
      return this;
    }

    public ReportBuilder sessions(SessionFacts s) {
      this.sessions = s;
      return this;
    }

    public ReportBuilder locale(LocaleFacts l) {
      this.locale = l;
      return this;
    }

    public ReportBuilder uptimeDays(double days) {
      this.system = new SystemFacts(system.osFamily(), system.osVersion(), system.osBuild(), system.hostname(),
          system.hardwareSerial(), system.hardwareVendor(), system.hardwareModel(), (long) (days * 86_400), false);
      return this;
    }

    /** Activity over {@code minutes} minutes from the report time backwards, one kind of input. */
    public ReportBuilder activity(int minutes, int local, int injected, int external, int jiggle, String source) {
      long first = at.getEpochSecond() / 60 - minutes;
      List<ActivityRecord.Minute> list = new ArrayList<>();
      for (int i = 0; i < minutes; i++) {
        list.add(new ActivityRecord.Minute(i, local, injected, external, jiggle, source.isEmpty() ? 0 : 1));
      }
      this.activity = new ActivityRecord(first, minutes, list, source.isEmpty() ? List.of() : List.of(source));
      return this;
    }

    public DeviceReport build() {
      return new DeviceReport(deviceId, seq, ReportKind.FULL, at, at, ip, "0.1.0", 1, 0, system, software, hardware,
          network, locale, power, sessions, timing, activity, List.of());
    }
  }

  public static ReportBuilder report(String deviceId) {
    return new ReportBuilder(deviceId);
  }
}
