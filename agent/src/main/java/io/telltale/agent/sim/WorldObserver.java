package io.telltale.agent.sim;

import io.telltale.agent.probe.HardwareFacts;
import io.telltale.agent.probe.HardwareFacts.InputBus;
import io.telltale.agent.probe.HardwareFacts.PointerMode;
import io.telltale.agent.probe.HardwareFacts.UsbFunction;
import io.telltale.agent.probe.LocaleFacts;
import io.telltale.agent.probe.NetworkFacts;
import io.telltale.agent.probe.NetworkFacts.InterfaceKind;
import io.telltale.agent.probe.Observations;
import io.telltale.agent.probe.OsFamily;
import io.telltale.agent.probe.PowerFacts;
import io.telltale.agent.probe.SessionFacts;
import io.telltale.agent.probe.SoftwareFacts;
import io.telltale.agent.probe.SystemFacts;
import io.telltale.agent.sim.Scenario.DeviceState;
import io.telltale.agent.sim.Scenario.Network;
import io.telltale.agent.sim.Scenario.Usb;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Turns a device's state at one instant into the observation records a real agent would produce. */
final class WorldObserver {

  private final DeviceTimeline timeline;
  private final String host;
  private final OsFamily os;

  WorldObserver(DeviceTimeline timeline) {
    this.timeline = timeline;
    this.host = timeline.device().hostname();
    this.os = switch (timeline.device().osFamily()) {
      case "windows" -> OsFamily.WINDOWS;
      case "macos" -> OsFamily.MACOS;
      default -> OsFamily.LINUX;
    };
  }

  private static boolean on(Set<String> enabled, String probe) {
    return enabled.isEmpty() || enabled.contains(probe);
  }

  Observations observe(Instant deviceNow, Instant t, DeviceState s, long idleSeconds, Set<String> enabled) {
    long uptime = Math.round(timeline.device().uptimeDays() * 86_400) + (t.getEpochSecond() - timeline.scenario().start().getEpochSecond());
    return new Observations(deviceNow,
        new SystemFacts(os, timeline.device().osVersion(), "", host, timeline.device().serial(), "", "",
            Math.max(0, uptime), false),
        on(enabled, "software") ? software(s) : null,
        on(enabled, "hardware") ? hardware(s) : null,
        on(enabled, "network") ? network(s) : null,
        on(enabled, "locale") ? locale(s, t) : null,
        new PowerFacts(s.power().hasBattery(), s.power().onAc(),
            s.power().hasBattery() ? (int) Math.round(s.power().batteryPercent()) : -1, s.power().lidOpen(), null),
        on(enabled, "sessions") ? sessions(s, idleSeconds) : null,
        List.of());
  }

  private SoftwareFacts software(DeviceState s) {
    Set<String> names = new LinkedHashSet<>(s.processes());
    if (s.vpn() != null) {
      names.add(s.vpn().process()); // a set VPN runs whether or not the list names it
    }
    return new SoftwareFacts(
        names.stream().map(n -> SoftwareFacts.RunningProcess.of(n, "")).toList(),
        s.services().stream().map(n -> new SoftwareFacts.ServiceEntry(n, "", true, true)).toList(),
        s.installedApps().stream().map(a -> new SoftwareFacts.InstalledApp(a.name(), a.version(), a.bundleId(), a.publisher())).toList(),
        s.listeningPorts().stream().map(p -> new SoftwareFacts.ListeningSocket(p.port(),
            p.protocol().equals("udp") ? SoftwareFacts.Protocol.UDP : SoftwareFacts.Protocol.TCP, "0.0.0.0", p.process())).toList());
  }

  private HardwareFacts hardware(DeviceState s) {
    List<HardwareFacts.UsbDevice> usb = new ArrayList<>();
    List<HardwareFacts.InputDevice> inputs = new ArrayList<>();
    List<HardwareFacts.CaptureDevice> capture = new ArrayList<>();
    inputs.add(new HardwareFacts.InputDevice("Internal Keyboard", InputBus.INTERNAL, "", "", true, PointerMode.NONE));
    inputs.add(new HardwareFacts.InputDevice("Internal Touchpad", InputBus.INTERNAL, "", "", false, PointerMode.RELATIVE));
    int port = 1;
    for (Usb u : s.usb()) {
      List<UsbFunction> functions = u.interfaces().stream().map(WorldObserver::function).distinct().toList();
      List<HardwareFacts.UsbInterface> ifaces = u.interfaces().stream().map(WorldObserver::descriptor).toList();
      usb.add(new HardwareFacts.UsbDevice(u.vendorId(), u.productId(), u.manufacturer(), u.product(), u.serial(), "",
          functions, ifaces, 0, "1-" + port++, ""));
      boolean kbd = functions.contains(UsbFunction.KEYBOARD);
      PointerMode pointer = functions.contains(UsbFunction.MOUSE_ABSOLUTE) ? PointerMode.ABSOLUTE
          : functions.contains(UsbFunction.MOUSE_RELATIVE) ? PointerMode.RELATIVE : PointerMode.NONE;
      String name = u.product().isEmpty() ? u.vendorId() + ":" + u.productId() : u.product();
      if (kbd || pointer != PointerMode.NONE) {
        inputs.add(new HardwareFacts.InputDevice(name, InputBus.USB, u.vendorId(), u.productId(), kbd, pointer));
      }
      if (functions.contains(UsbFunction.VIDEO)) {
        capture.add(new HardwareFacts.CaptureDevice(name, u.vendorId(), u.productId()));
      }
    }
    List<HardwareFacts.Display> displays = new ArrayList<>();
    int external = 1;
    for (Scenario.Display d : s.displays()) {
      boolean active = !(d.internal() && Boolean.FALSE.equals(s.power().lidOpen()));
      String connector = d.internal() ? "eDP-1" : "HDMI-A-" + external++;
      displays.add(new HardwareFacts.Display(d.internal(), active, connector, d.edidManufacturer(), d.edidProductCode(),
          d.edidSerialNumber(), d.monitorName(), d.serialString(), d.width(), d.height(),
          (int) Math.round(d.refreshHz() * 1000), 0, 0, 0, 0, d.width(), d.height(),
          (int) Math.round(d.refreshHz() * 1000), edidHash(d)));
    }
    return new HardwareFacts(usb, displays, inputs, capture);
  }

  /** The scenario has no raw EDID: hash its identifying fields, so identical panels hash identically. */
  private static String edidHash(Scenario.Display d) {
    try {
      String identity = d.edidManufacturer() + "|" + d.edidProductCode() + "|" + d.edidSerialNumber() + "|"
          + d.monitorName() + "|" + d.serialString();
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static UsbFunction function(String iface) {
    return switch (iface) {
      case "keyboard" -> UsbFunction.KEYBOARD;
      case "mouse-relative" -> UsbFunction.MOUSE_RELATIVE;
      case "mouse-absolute" -> UsbFunction.MOUSE_ABSOLUTE;
      case "mass-storage" -> UsbFunction.MASS_STORAGE;
      case "cdrom" -> UsbFunction.CDROM;
      case "network" -> UsbFunction.NETWORK;
      case "audio" -> UsbFunction.AUDIO;
      case "video" -> UsbFunction.VIDEO;
      case "serial" -> UsbFunction.SERIAL;
      case "hub" -> UsbFunction.HUB;
      default -> UsbFunction.OTHER;
    };
  }

  /** Typical interface descriptors (class, subclass, protocol, driver) of each function. */
  static HardwareFacts.UsbInterface descriptor(String iface) {
    return switch (iface) {
      case "keyboard" -> new HardwareFacts.UsbInterface(3, 1, 1, "usbhid");
      case "mouse-relative" -> new HardwareFacts.UsbInterface(3, 1, 2, "usbhid");
      case "mouse-absolute" -> new HardwareFacts.UsbInterface(3, 0, 0, "usbhid");
      case "mass-storage" -> new HardwareFacts.UsbInterface(8, 6, 80, "usb-storage");
      case "cdrom" -> new HardwareFacts.UsbInterface(8, 2, 80, "usb-storage");
      case "network" -> new HardwareFacts.UsbInterface(2, 6, 0, "cdc_ether");
      case "audio" -> new HardwareFacts.UsbInterface(1, 1, 0, "snd-usb-audio");
      case "video" -> new HardwareFacts.UsbInterface(14, 1, 0, "uvcvideo");
      case "serial" -> new HardwareFacts.UsbInterface(2, 2, 1, "cdc_acm");
      case "hub" -> new HardwareFacts.UsbInterface(9, 0, 0, "hub");
      default -> new HardwareFacts.UsbInterface(255, 0, 0, "");
    };
  }

  private NetworkFacts network(DeviceState s) {
    Network lan = timeline.lan(s);
    boolean wifi = lan.wifi() != null;
    String ifName = switch (os) {
      case WINDOWS -> wifi ? "Wi-Fi" : "Ethernet";
      case MACOS -> "en0";
      default -> wifi ? "wlan0" : "eth0";
    };
    List<NetworkFacts.NetworkInterface> ifaces = new ArrayList<>();
    ifaces.add(new NetworkFacts.NetworkInterface(ifName, "", wifi ? InterfaceKind.WIFI : InterfaceKind.ETHERNET, true,
        List.of(hostAddress(lan.lanPrefix())), localMac(), ""));
    List<String> vpns = List.of();
    if (s.vpn() != null) {
      ifaces.add(new NetworkFacts.NetworkInterface(s.vpn().adapter(), s.vpn().name(), InterfaceKind.TUNNEL, true,
          List.of(), "", ""));
      vpns = List.of(s.vpn().name());
    }
    return new NetworkFacts(ifaces, new NetworkFacts.Gateway(lan.gatewayIp(), lan.gatewayMac(), ifName),
        lan.neighbors().stream().map(n -> new NetworkFacts.Neighbor(n.mac(), n.hostname())).toList(),
        wifi ? new NetworkFacts.Wifi(lan.wifi().ssid(), lan.wifi().bssid()) : null, lan.dns(), vpns);
  }

  /** A stable host address inside the LAN prefix (IPv4), derived from the host name. */
  private String hostAddress(String cidr) {
    int slash = cidr.indexOf('/');
    String base = cidr.substring(0, slash);
    if (base.contains(":")) {
      return base + Integer.toHexString(2 + Math.floorMod(host.hashCode(), 200)) + cidr.substring(slash);
    }
    String[] o = base.split("\\.");
    int hostPart = 2 + Math.floorMod(host.hashCode(), 250);
    return o[0] + "." + o[1] + "." + o[2] + "." + hostPart + cidr.substring(slash);
  }

  /** A stable, locally administered MAC for the device's own adapter. */
  private String localMac() {
    int h = host.hashCode();
    return String.format(Locale.ROOT, "02:7e:%02x:%02x:%02x:%02x", (h >>> 24) & 0xff, (h >>> 16) & 0xff,
        (h >>> 8) & 0xff, h & 0xff);
  }

  private static LocaleFacts locale(DeviceState s, Instant t) {
    return new LocaleFacts(s.clock().timezone().getId(), s.clock().timezone().getRules().getOffset(t).getTotalSeconds() / 60,
        s.clock().locale(), s.clock().keyboardLayouts());
  }

  private SessionFacts sessions(DeviceState s, long idleSeconds) {
    List<SessionFacts.Session> out = new ArrayList<>();
    boolean rdp = false;
    for (Scenario.Session x : s.sessions()) {
      SessionFacts.Kind kind = switch (x.kind()) {
        case "rdp" -> SessionFacts.Kind.RDP;
        case "ssh" -> SessionFacts.Kind.SSH;
        case "vnc" -> SessionFacts.Kind.VNC;
        case "screen-sharing" -> SessionFacts.Kind.SCREEN_SHARING;
        case "remote-tool" -> SessionFacts.Kind.REMOTE_TOOL;
        default -> SessionFacts.Kind.CONSOLE;
      };
      rdp |= kind == SessionFacts.Kind.RDP;
      out.add(new SessionFacts.Session(kind, x.user(), x.tool(), x.remoteAddress(), null));
    }
    Double lock = s.activity().idleLockMinutes();
    Boolean remoteSession = os == OsFamily.WINDOWS ? rdp : null;
    return new SessionFacts(out, remoteSession, null, idleSeconds, lock != null && idleSeconds >= lock * 60);
  }
}
