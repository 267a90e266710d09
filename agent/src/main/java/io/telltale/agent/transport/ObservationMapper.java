package io.telltale.agent.transport;

import static java.util.Objects.requireNonNull;

import io.telltale.agent.probe.ActivityRecord;
import io.telltale.agent.probe.HardwareFacts;
import io.telltale.agent.probe.LocaleFacts;
import io.telltale.agent.probe.NetworkFacts;
import io.telltale.agent.probe.Observations;
import io.telltale.agent.probe.PowerFacts;
import io.telltale.agent.probe.SessionFacts;
import io.telltale.agent.probe.SoftwareFacts;
import io.telltale.agent.probe.SystemFacts;
import io.telltale.proto.v1.ActivityMinute;
import io.telltale.proto.v1.CaptureDevice;
import io.telltale.proto.v1.Display;
import io.telltale.proto.v1.Gateway;
import io.telltale.proto.v1.Hardware;
import io.telltale.proto.v1.InputBus;
import io.telltale.proto.v1.InputDevice;
import io.telltale.proto.v1.InstalledApp;
import io.telltale.proto.v1.InterfaceKind;
import io.telltale.proto.v1.LidState;
import io.telltale.proto.v1.Listener;
import io.telltale.proto.v1.Locale;
import io.telltale.proto.v1.Neighbor;
import io.telltale.proto.v1.Network;
import io.telltale.proto.v1.NetworkInterface;
import io.telltale.proto.v1.OsFamily;
import io.telltale.proto.v1.PointerMode;
import io.telltale.proto.v1.Power;
import io.telltale.proto.v1.ProbeError;
import io.telltale.proto.v1.Protocol;
import io.telltale.proto.v1.ReportRequest;
import io.telltale.proto.v1.Service;
import io.telltale.proto.v1.Session;
import io.telltale.proto.v1.SessionKind;
import io.telltale.proto.v1.SessionState;
import io.telltale.proto.v1.Software;
import io.telltale.proto.v1.SystemInfo;
import io.telltale.proto.v1.Tristate;
import io.telltale.proto.v1.UsbDevice;
import io.telltale.proto.v1.UsbFunction;
import io.telltale.proto.v1.UsbInterface;
import io.telltale.proto.v1.Wifi;
import org.jspecify.annotations.Nullable;

/**
 * The one place where the agent's observation records become protobuf. Fills the observation sections of a
 * {@link ReportRequest} (system, software, hardware, network, locale, power, sessions, activity, errors); the
 * caller sets sequence, kind, times, timing, drop counts and config version. Network identifiers go through
 * the {@link IdentifierHasher}; OUIs are always sent in clear. Stateless and thread-safe.
 */
public final class ObservationMapper {

  private ObservationMapper() {}

  /**
   * Fills {@code b} from {@code obs} and {@code activity} (null = no activity section). A null section in
   * {@code obs} leaves the message unset ("not observed"), never an empty message.
   */
  public static void fill(
      ReportRequest.Builder b, Observations obs, @Nullable ActivityRecord activity, IdentifierHasher hasher) {
    fill(b, obs, activity, hasher, new MemoizedSections());
  }

  /** As {@link #fill(ReportRequest.Builder, Observations, ActivityRecord, IdentifierHasher)}, reusing {@code memo}. */
  static void fill(ReportRequest.Builder b, Observations obs, @Nullable ActivityRecord activity,
      IdentifierHasher hasher, MemoizedSections memo) {
    requireNonNull(b, "b");
    requireNonNull(obs, "obs");
    requireNonNull(hasher, "hasher");
    if (obs.system() != null) {
      b.setSystem(system(obs.system()));
    }
    if (obs.software() != null) {
      b.setSoftware(memo.software(obs.software(), ObservationMapper::software));
    }
    if (obs.hardware() != null) {
      b.setHardware(memo.hardware(obs.hardware(), ObservationMapper::hardware));
    }
    if (obs.network() != null) {
      b.setNetwork(memo.network(obs.network(), n -> network(n, hasher)));
    }
    if (obs.locale() != null) {
      b.setLocale(memo.locale(obs.locale(), ObservationMapper::locale));
    }
    if (obs.power() != null) {
      b.setPower(power(obs.power()));
    }
    if (obs.sessions() != null) {
      b.setSessions(sessions(obs.sessions()));
    }
    if (activity != null) {
      b.setActivity(activity(activity));
    }
    for (Observations.ProbeFailure f : obs.failures()) {
      b.addErrors(ProbeError.newBuilder().setProbe(f.probe()).setReason(f.reason()));
    }
  }

  static SystemInfo system(SystemFacts s) {
    return SystemInfo.newBuilder()
        .setOsFamily(switch (s.osFamily()) {
          case WINDOWS -> OsFamily.OS_FAMILY_WINDOWS;
          case MACOS -> OsFamily.OS_FAMILY_MACOS;
          case LINUX -> OsFamily.OS_FAMILY_LINUX;
          case UNKNOWN -> OsFamily.OS_FAMILY_UNSPECIFIED;
        })
        .setOsVersion(s.osVersion())
        .setOsBuild(s.osBuild())
        .setHostname(s.hostname())
        .setHardwareSerial(s.hardwareSerial())
        .setHardwareVendor(s.hardwareVendor())
        .setHardwareModel(s.hardwareModel())
        .setUptimeSeconds(Math.max(0, s.uptimeSeconds()))
        .setVirtualMachine(s.virtualMachine())
        .build();
  }

  static Software software(SoftwareFacts s) {
    Software.Builder b = Software.newBuilder();
    for (SoftwareFacts.RunningProcess p : s.processes()) {
      b.addProcesses(io.telltale.proto.v1.Process.newBuilder()
          .setName(p.name())
          .setPath(p.path())
          .setSigner(p.signer())
          .setBundleId(p.bundleId())
          .setOriginalFileName(p.originalFileName())
          .setInstances(Math.max(1, p.instances())));
    }
    for (SoftwareFacts.ServiceEntry e : s.services()) {
      b.addServices(Service.newBuilder()
          .setName(e.name()).setDisplayName(e.displayName()).setRunning(e.running()).setEnabled(e.enabled()));
    }
    for (SoftwareFacts.InstalledApp a : s.installedApps()) {
      b.addInstalledApps(InstalledApp.newBuilder()
          .setName(a.name()).setVersion(a.version()).setBundleId(a.bundleId()).setPublisher(a.publisher()));
    }
    for (SoftwareFacts.ListeningSocket l : s.listeners()) {
      b.addListeners(Listener.newBuilder()
          .setPort(l.port())
          .setProtocol(l.protocol() == SoftwareFacts.Protocol.TCP ? Protocol.PROTOCOL_TCP : Protocol.PROTOCOL_UDP)
          .setAddress(l.address())
          .setProcess(l.process()));
    }
    return b.build();
  }

  static Hardware hardware(HardwareFacts h) {
    Hardware.Builder b = Hardware.newBuilder();
    for (HardwareFacts.UsbDevice d : h.usbDevices()) {
      UsbDevice.Builder u = UsbDevice.newBuilder()
          .setVendorId(d.vendorId())
          .setProductId(d.productId())
          .setManufacturer(d.manufacturer())
          .setProduct(d.product())
          .setSerial(d.serial())
          .setBcdDevice(d.bcdDevice())
          .setMaxPowerMa(Math.max(0, d.maxPowerMa()))
          .setLocation(d.location())
          .setStorageInquiry(d.storageInquiry());
      d.functions().forEach(f -> u.addFunctions(usbFunction(f)));
      for (HardwareFacts.UsbInterface i : d.interfaces()) {
        u.addInterfaces(UsbInterface.newBuilder()
            .setInterfaceClass(i.interfaceClass())
            .setInterfaceSubclass(i.interfaceSubclass())
            .setInterfaceProtocol(i.interfaceProtocol())
            .setDriver(i.driver()));
      }
      b.addUsbDevices(u);
    }
    h.displays().forEach(d -> b.addDisplays(display(d)));
    for (HardwareFacts.InputDevice i : h.inputDevices()) {
      b.addInputDevices(InputDevice.newBuilder()
          .setName(i.name())
          .setBus(inputBus(i.bus()))
          .setVendorId(i.vendorId())
          .setProductId(i.productId())
          .setKeyboard(i.keyboard())
          .setPointer(pointerMode(i.pointer())));
    }
    for (HardwareFacts.CaptureDevice c : h.captureDevices()) {
      b.addCaptureDevices(CaptureDevice.newBuilder()
          .setName(c.name()).setVendorId(c.vendorId()).setProductId(c.productId()));
    }
    return b.build();
  }

  static Display display(HardwareFacts.Display d) {
    return Display.newBuilder()
        .setInternal(d.internal())
        .setActive(d.active())
        .setConnector(d.connector())
        .setManufacturerId(d.manufacturerId())
        .setProductCode(d.productCode())
        .setSerialNumber((int) d.serialNumber()) // uint32 on the wire: the low 32 bits are the whole value
        .setMonitorName(d.monitorName())
        .setSerialString(d.serialString())
        .setWidthPx(d.widthPx())
        .setHeightPx(d.heightPx())
        .setRefreshMillihz(d.refreshMillihz())
        .setWidthCm(d.widthCm())
        .setHeightCm(d.heightCm())
        .setManufactureWeek(d.manufactureWeek())
        .setManufactureYear(d.manufactureYear())
        .setPreferredWidthPx(d.preferredWidthPx())
        .setPreferredHeightPx(d.preferredHeightPx())
        .setPreferredRefreshMillihz(d.preferredRefreshMillihz())
        .setEdidSha256(d.edidSha256())
        .build();
  }

  static UsbFunction usbFunction(HardwareFacts.UsbFunction f) {
    return switch (f) {
      case KEYBOARD -> UsbFunction.USB_FUNCTION_KEYBOARD;
      case MOUSE_RELATIVE -> UsbFunction.USB_FUNCTION_MOUSE_RELATIVE;
      case MOUSE_ABSOLUTE -> UsbFunction.USB_FUNCTION_MOUSE_ABSOLUTE;
      case MASS_STORAGE -> UsbFunction.USB_FUNCTION_MASS_STORAGE;
      case CDROM -> UsbFunction.USB_FUNCTION_CDROM;
      case NETWORK -> UsbFunction.USB_FUNCTION_NETWORK;
      case AUDIO -> UsbFunction.USB_FUNCTION_AUDIO;
      case VIDEO -> UsbFunction.USB_FUNCTION_VIDEO;
      case SERIAL -> UsbFunction.USB_FUNCTION_SERIAL;
      case HUB -> UsbFunction.USB_FUNCTION_HUB;
      case HID_OTHER -> UsbFunction.USB_FUNCTION_HID_OTHER;
      case OTHER -> UsbFunction.USB_FUNCTION_OTHER;
    };
  }

  static InputBus inputBus(HardwareFacts.InputBus bus) {
    return switch (bus) {
      case USB -> InputBus.INPUT_BUS_USB;
      case BLUETOOTH -> InputBus.INPUT_BUS_BLUETOOTH;
      case INTERNAL -> InputBus.INPUT_BUS_INTERNAL;
      case VIRTUAL -> InputBus.INPUT_BUS_VIRTUAL;
      case UNKNOWN -> InputBus.INPUT_BUS_UNSPECIFIED;
    };
  }

  static PointerMode pointerMode(HardwareFacts.PointerMode mode) {
    return switch (mode) {
      case NONE -> PointerMode.POINTER_MODE_NONE;
      case RELATIVE -> PointerMode.POINTER_MODE_RELATIVE;
      case ABSOLUTE -> PointerMode.POINTER_MODE_ABSOLUTE;
      case UNKNOWN -> PointerMode.POINTER_MODE_UNSPECIFIED;
    };
  }

  static Network network(NetworkFacts n, IdentifierHasher hasher) {
    Network.Builder b = Network.newBuilder();
    for (NetworkFacts.NetworkInterface i : n.interfaces()) {
      b.addInterfaces(NetworkInterface.newBuilder()
          .setName(i.name())
          .setDescription(i.description())
          .setKind(interfaceKind(i.kind()))
          .setUp(i.up())
          .addAllAddresses(i.addresses())
          .setMac(hasher.network(i.mac()))
          .setDriver(i.driver()));
    }
    NetworkFacts.Gateway g = n.gateway();
    if (g != null) {
      b.setGateway(Gateway.newBuilder()
          .setIp(g.ip())
          .setMac(hasher.network(g.mac()))
          .setMacOui(IdentifierHasher.oui(g.mac()))
          .setInterface(g.interfaceName()));
    }
    for (NetworkFacts.Neighbor nb : n.neighbors()) {
      b.addNeighbors(Neighbor.newBuilder()
          .setMac(hasher.network(nb.mac()))
          .setMacOui(IdentifierHasher.oui(nb.mac()))
          .setHostname(nb.hostname()));
    }
    NetworkFacts.Wifi w = n.wifi();
    if (w != null) {
      b.setWifi(Wifi.newBuilder()
          .setSsid(hasher.network(w.ssid()))
          .setBssid(hasher.network(w.bssid()))
          .setBssidOui(IdentifierHasher.oui(w.bssid())));
    }
    b.addAllDnsServers(n.dnsServers());
    b.addAllVpnConnections(n.vpnConnections());
    return b.build();
  }

  static InterfaceKind interfaceKind(NetworkFacts.InterfaceKind kind) {
    return switch (kind) {
      case ETHERNET -> InterfaceKind.INTERFACE_KIND_ETHERNET;
      case WIFI -> InterfaceKind.INTERFACE_KIND_WIFI;
      case TUNNEL -> InterfaceKind.INTERFACE_KIND_TUNNEL;
      case LOOPBACK -> InterfaceKind.INTERFACE_KIND_LOOPBACK;
      case VIRTUAL -> InterfaceKind.INTERFACE_KIND_VIRTUAL;
      case USB -> InterfaceKind.INTERFACE_KIND_USB;
      case OTHER -> InterfaceKind.INTERFACE_KIND_OTHER;
    };
  }

  static Locale locale(LocaleFacts l) {
    return Locale.newBuilder()
        .setTimezone(l.timezone())
        .setUtcOffsetMinutes(l.utcOffsetMinutes())
        .setLocale(l.locale())
        .addAllKeyboardLayouts(l.keyboardLayouts())
        .build();
  }

  static Power power(PowerFacts p) {
    LidState lid = p.lidOpen() == null
        ? LidState.LID_STATE_UNSPECIFIED
        : p.lidOpen() ? LidState.LID_STATE_OPEN : LidState.LID_STATE_CLOSED;
    return Power.newBuilder()
        .setHasBattery(tristate(p.hasBattery()))
        .setOnAc(tristate(p.onAc()))
        .setBatteryPercent(p.batteryPercent())
        .setLid(lid)
        .setSleepDisabledOnAc(tristate(p.sleepDisabledOnAc()))
        .build();
  }

  static SessionState sessions(SessionFacts s) {
    SessionState.Builder b = SessionState.newBuilder()
        .setRemoteSession(tristate(s.remoteSession()))
        .setRemoteControl(tristate(s.remoteControl()))
        .setIdleSeconds(s.idleSeconds())
        .setScreenLocked(tristate(s.screenLocked()));
    for (SessionFacts.Session x : s.sessions()) {
      b.addSessions(Session.newBuilder()
          .setKind(switch (x.kind()) {
            case CONSOLE -> SessionKind.SESSION_KIND_CONSOLE;
            case RDP -> SessionKind.SESSION_KIND_RDP;
            case SSH -> SessionKind.SESSION_KIND_SSH;
            case VNC -> SessionKind.SESSION_KIND_VNC;
            case SCREEN_SHARING -> SessionKind.SESSION_KIND_SCREEN_SHARING;
            case REMOTE_TOOL -> SessionKind.SESSION_KIND_REMOTE_TOOL;
          })
          .setUser(x.user())
          .setTool(x.tool())
          .setRemoteAddress(x.remoteAddress())
          .setStartedAtMs(x.startedAt() == null ? 0 : x.startedAt().toEpochMilli()));
    }
    return b.build();
  }

  static io.telltale.proto.v1.ActivityRecord activity(ActivityRecord a) {
    io.telltale.proto.v1.ActivityRecord.Builder b = io.telltale.proto.v1.ActivityRecord.newBuilder()
        .setFirstMinute(a.firstMinute())
        .setMinutesCovered(a.minutesCovered())
        .addAllExternalSources(a.externalSources());
    for (ActivityRecord.Minute m : a.minutes()) {
      b.addMinutes(ActivityMinute.newBuilder()
          .setOffset(m.offset())
          .setLocalEvents(m.localEvents())
          .setInjectedEvents(m.injectedEvents())
          .setExternalEvents(m.externalEvents())
          .setJigglePeriodSeconds(m.jigglePeriodSeconds())
          .setExternalSource(m.externalSource()));
    }
    return b.build();
  }

  private static Tristate tristate(@Nullable Boolean value) {
    if (value == null) {
      return Tristate.TRISTATE_UNSPECIFIED;
    }
    return value ? Tristate.TRISTATE_TRUE : Tristate.TRISTATE_FALSE;
  }
}
