package io.telltale.collector.ingest;

import io.telltale.collector.model.ActivityRecord;
import io.telltale.collector.model.AgentSettings;
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
import io.telltale.proto.v1.ActivityMinute;
import io.telltale.proto.v1.AgentConfig;
import io.telltale.proto.v1.PrivacyMode;
import io.telltale.proto.v1.ReportRequest;
import io.telltale.proto.v1.Tristate;
import com.google.protobuf.ByteString;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The one place protobuf becomes domain records (and agent settings become protobuf). Validates while
 * mapping: a malformed report throws {@link IllegalArgumentException} whose message names the field, its
 * value and what was expected. IP addresses in the sections come out in the collector's one form
 * ({@link io.telltale.collector.model.IpAddresses}); one that is not an address is left out with a note
 * ({@link ReportAddresses}).
 */
final class ProtoMapper {

  /** A week of minutes: more in one report means a broken agent, and it bounds the rows one report makes. */
  static final int MAX_MINUTES_COVERED = 7 * 24 * 60;

  private ProtoMapper() {}

  /** {@code publicIp}: where the report came from, already canonical (or "" when unknown). */
  static DeviceReport toReport(ReportRequest r, String deviceId, Instant receivedAt, String publicIp) {
    if (r.getSequence() < 1) {
      throw new IllegalArgumentException("sequence: " + r.getSequence() + " (expected: >= 1)");
    }
    ReportKind kind = switch (r.getKind()) {
      case REPORT_KIND_FULL -> ReportKind.FULL;
      case REPORT_KIND_HEARTBEAT -> ReportKind.HEARTBEAT;
      default -> throw new IllegalArgumentException("kind: " + r.getKind() + " (expected: FULL or HEARTBEAT)");
    };
    if (r.getObservedAtMs() <= 0) {
      throw new IllegalArgumentException("observed_at_ms: " + r.getObservedAtMs() + " (expected: > 0)");
    }
    ReportAddresses addresses = new ReportAddresses();
    SoftwareFacts software = r.hasSoftware() ? software(r.getSoftware(), addresses) : null;
    NetworkFacts network = r.hasNetwork() ? network(r.getNetwork(), addresses) : null;
    SessionFacts sessions = r.hasSessions() ? sessions(r.getSessions()) : null;
    List<DeviceReport.ProbeFailure> failures =
        map(r.getErrorsList(), e -> new DeviceReport.ProbeFailure(e.getProbe(), e.getReason()));
    failures.addAll(addresses.notes());
    return new DeviceReport(
        deviceId,
        r.getSequence(),
        kind,
        Instant.ofEpochMilli(r.getObservedAtMs()),
        receivedAt,
        publicIp,
        r.getAgentVersion(),
        r.getConfigVersion(),
        (int) Math.min(Integer.MAX_VALUE, r.getDroppedHeartbeats() & 0xffffffffL),
        r.hasSystem() ? system(r.getSystem()) : null,
        software,
        r.hasHardware() ? hardware(r.getHardware()) : null,
        network,
        r.hasLocale() ? locale(r.getLocale()) : null,
        r.hasPower() ? power(r.getPower()) : null,
        sessions,
        r.hasTiming() ? timing(r.getTiming()) : null,
        r.hasActivity() ? activity(r.getActivity()) : null,
        failures);
  }

  static OsFamily osFamily(io.telltale.proto.v1.OsFamily os) {
    return switch (os) {
      case OS_FAMILY_WINDOWS -> OsFamily.WINDOWS;
      case OS_FAMILY_MACOS -> OsFamily.MACOS;
      case OS_FAMILY_LINUX -> OsFamily.LINUX;
      default -> OsFamily.UNKNOWN;
    };
  }

  static AgentConfig toProto(AgentSettings s) {
    return AgentConfig.newBuilder()
        .setVersion(s.version())
        .setReportIntervalSeconds(s.reportIntervalSeconds())
        .setFullInventoryIntervalSeconds(s.fullInventoryIntervalSeconds())
        .addAllEnabledProbes(s.enabledProbes())
        .setPrivacyMode(s.privacyMode() == AgentSettings.PrivacyMode.PLAIN
            ? PrivacyMode.PRIVACY_MODE_PLAIN : PrivacyMode.PRIVACY_MODE_HASHED)
        .setIdentifierKey(ByteString.copyFrom(s.identifierKey()))
        .setSpoolMaxBytes(s.spoolMaxBytes())
        .setCpuLimitPermille(s.cpuLimitPermille())
        .setMemoryLimitBytes(s.memoryLimitBytes())
        .build();
  }

  private static SystemFacts system(io.telltale.proto.v1.SystemInfo s) {
    return new SystemFacts(osFamily(s.getOsFamily()), s.getOsVersion(), s.getOsBuild(), s.getHostname(),
        s.getHardwareSerial(), s.getHardwareVendor(), s.getHardwareModel(), s.getUptimeSeconds(),
        s.getVirtualMachine());
  }

  private static SoftwareFacts software(io.telltale.proto.v1.Software s, ReportAddresses addresses) {
    List<SoftwareFacts.ListeningSocket> listeners = new ArrayList<>();
    for (int i = 0; i < s.getListenersCount(); i++) {
      io.telltale.proto.v1.Listener l = s.getListeners(i);
      if (l.getPort() < 1 || l.getPort() > 65535) {
        throw new IllegalArgumentException(
            "software.listeners[" + i + "].port: " + l.getPort() + " (expected: 1..65535)");
      }
      SoftwareFacts.Protocol protocol = switch (l.getProtocol()) {
        case PROTOCOL_TCP -> SoftwareFacts.Protocol.TCP;
        case PROTOCOL_UDP -> SoftwareFacts.Protocol.UDP;
        default -> throw new IllegalArgumentException(
            "software.listeners[" + i + "].protocol: " + l.getProtocol() + " (expected: TCP or UDP)");
      };
      listeners.add(new SoftwareFacts.ListeningSocket(l.getPort(), protocol,
          addresses.address("software.listeners[" + i + "].address", l.getAddress()), l.getProcess()));
    }
    return new SoftwareFacts(
        map(s.getProcessesList(), p -> new SoftwareFacts.RunningProcess(p.getName(), p.getPath(), p.getSigner(),
            p.getBundleId(), p.getOriginalFileName(), p.getInstances())),
        map(s.getServicesList(), v -> new SoftwareFacts.ServiceEntry(v.getName(), v.getDisplayName(), v.getRunning(),
            v.getEnabled())),
        map(s.getInstalledAppsList(), a -> new SoftwareFacts.InstalledApp(a.getName(), a.getVersion(), a.getBundleId(),
            a.getPublisher())),
        listeners);
  }

  private static HardwareFacts hardware(io.telltale.proto.v1.Hardware h) {
    return new HardwareFacts(
        map(h.getUsbDevicesList(), u -> new HardwareFacts.UsbDevice(u.getVendorId(), u.getProductId(),
            u.getManufacturer(), u.getProduct(), u.getSerial(), u.getBcdDevice(),
            u.getFunctionsList().stream().filter(f -> f != io.telltale.proto.v1.UsbFunction.USB_FUNCTION_UNSPECIFIED
                && f != io.telltale.proto.v1.UsbFunction.UNRECOGNIZED).map(ProtoMapper::usbFunction).toList(),
            map(u.getInterfacesList(), i -> new HardwareFacts.UsbInterface(i.getInterfaceClass(),
                i.getInterfaceSubclass(), i.getInterfaceProtocol(), i.getDriver())),
            u.getMaxPowerMa(), u.getLocation(), u.getStorageInquiry())),
        map(h.getDisplaysList(), d -> new HardwareFacts.Display(d.getInternal(), d.getActive(), d.getConnector(),
            d.getManufacturerId(), d.getProductCode(), Integer.toUnsignedLong(d.getSerialNumber()), d.getMonitorName(),
            d.getSerialString(), d.getWidthPx(), d.getHeightPx(), d.getRefreshMillihz(), d.getWidthCm(),
            d.getHeightCm(), d.getManufactureWeek(), d.getManufactureYear(), d.getPreferredWidthPx(),
            d.getPreferredHeightPx(), d.getPreferredRefreshMillihz(), d.getEdidSha256())),
        map(h.getInputDevicesList(), d -> new HardwareFacts.InputDevice(d.getName(), inputBus(d.getBus()),
            d.getVendorId(), d.getProductId(), d.getKeyboard(), pointer(d.getPointer()))),
        map(h.getCaptureDevicesList(), d -> new HardwareFacts.CaptureDevice(d.getName(), d.getVendorId(),
            d.getProductId())));
  }

  private static HardwareFacts.UsbFunction usbFunction(io.telltale.proto.v1.UsbFunction f) {
    return switch (f) {
      case USB_FUNCTION_KEYBOARD -> HardwareFacts.UsbFunction.KEYBOARD;
      case USB_FUNCTION_MOUSE_RELATIVE -> HardwareFacts.UsbFunction.MOUSE_RELATIVE;
      case USB_FUNCTION_MOUSE_ABSOLUTE -> HardwareFacts.UsbFunction.MOUSE_ABSOLUTE;
      case USB_FUNCTION_MASS_STORAGE -> HardwareFacts.UsbFunction.MASS_STORAGE;
      case USB_FUNCTION_CDROM -> HardwareFacts.UsbFunction.CDROM;
      case USB_FUNCTION_NETWORK -> HardwareFacts.UsbFunction.NETWORK;
      case USB_FUNCTION_AUDIO -> HardwareFacts.UsbFunction.AUDIO;
      case USB_FUNCTION_VIDEO -> HardwareFacts.UsbFunction.VIDEO;
      case USB_FUNCTION_SERIAL -> HardwareFacts.UsbFunction.SERIAL;
      case USB_FUNCTION_HUB -> HardwareFacts.UsbFunction.HUB;
      case USB_FUNCTION_HID_OTHER -> HardwareFacts.UsbFunction.HID_OTHER;
      default -> HardwareFacts.UsbFunction.OTHER;
    };
  }

  private static HardwareFacts.InputBus inputBus(io.telltale.proto.v1.InputBus b) {
    return switch (b) {
      case INPUT_BUS_USB -> HardwareFacts.InputBus.USB;
      case INPUT_BUS_BLUETOOTH -> HardwareFacts.InputBus.BLUETOOTH;
      case INPUT_BUS_INTERNAL -> HardwareFacts.InputBus.INTERNAL;
      case INPUT_BUS_VIRTUAL -> HardwareFacts.InputBus.VIRTUAL;
      default -> HardwareFacts.InputBus.UNKNOWN;
    };
  }

  private static HardwareFacts.PointerMode pointer(io.telltale.proto.v1.PointerMode p) {
    return switch (p) {
      case POINTER_MODE_NONE -> HardwareFacts.PointerMode.NONE;
      case POINTER_MODE_RELATIVE -> HardwareFacts.PointerMode.RELATIVE;
      case POINTER_MODE_ABSOLUTE -> HardwareFacts.PointerMode.ABSOLUTE;
      default -> HardwareFacts.PointerMode.UNKNOWN;
    };
  }

  private static NetworkFacts network(io.telltale.proto.v1.Network n, ReportAddresses addresses) {
    List<NetworkFacts.NetworkInterface> interfaces = new ArrayList<>(n.getInterfacesCount());
    for (int j = 0; j < n.getInterfacesCount(); j++) {
      io.telltale.proto.v1.NetworkInterface i = n.getInterfaces(j);
      interfaces.add(new NetworkFacts.NetworkInterface(i.getName(), i.getDescription(), interfaceKind(i.getKind()),
          i.getUp(), addresses.prefixed("network.interfaces[" + j + "].addresses", i.getAddressesList()), i.getMac(),
          i.getDriver()));
    }
    return new NetworkFacts(
        interfaces,
        n.hasGateway() ? new NetworkFacts.Gateway(addresses.address("network.gateway.ip", n.getGateway().getIp()),
            n.getGateway().getMac(), n.getGateway().getMacOui(), n.getGateway().getInterface()) : null,
        map(n.getNeighborsList(), x -> new NetworkFacts.Neighbor(x.getMac(), x.getMacOui(), x.getHostname())),
        n.hasWifi() ? new NetworkFacts.Wifi(n.getWifi().getSsid(), n.getWifi().getBssid(), n.getWifi().getBssidOui())
            : null,
        addresses.addresses("network.dns_servers", n.getDnsServersList()),
        n.getVpnConnectionsList());
  }

  private static NetworkFacts.InterfaceKind interfaceKind(io.telltale.proto.v1.InterfaceKind k) {
    return switch (k) {
      case INTERFACE_KIND_ETHERNET -> NetworkFacts.InterfaceKind.ETHERNET;
      case INTERFACE_KIND_WIFI -> NetworkFacts.InterfaceKind.WIFI;
      case INTERFACE_KIND_TUNNEL -> NetworkFacts.InterfaceKind.TUNNEL;
      case INTERFACE_KIND_LOOPBACK -> NetworkFacts.InterfaceKind.LOOPBACK;
      case INTERFACE_KIND_VIRTUAL -> NetworkFacts.InterfaceKind.VIRTUAL;
      case INTERFACE_KIND_USB -> NetworkFacts.InterfaceKind.USB;
      default -> NetworkFacts.InterfaceKind.OTHER;
    };
  }

  private static LocaleFacts locale(io.telltale.proto.v1.Locale l) {
    return new LocaleFacts(l.getTimezone(), l.getUtcOffsetMinutes(), l.getLocale(), l.getKeyboardLayoutsList());
  }

  private static PowerFacts power(io.telltale.proto.v1.Power p) {
    Boolean lidOpen = switch (p.getLid()) {
      case LID_STATE_OPEN -> Boolean.TRUE;
      case LID_STATE_CLOSED -> Boolean.FALSE;
      default -> null;
    };
    int battery = p.getBatteryPercent();
    if (battery < -1 || battery > 100) {
      throw new IllegalArgumentException("power.battery_percent: " + battery + " (expected: -1..100)");
    }
    return new PowerFacts(tristate(p.getHasBattery()), tristate(p.getOnAc()), battery, lidOpen,
        tristate(p.getSleepDisabledOnAc()));
  }

  private static SessionFacts sessions(io.telltale.proto.v1.SessionState s) {
    return new SessionFacts(
        map(s.getSessionsList(), x -> new SessionFacts.Session(sessionKind(x.getKind()), x.getUser(), x.getTool(),
            ReportAddresses.addressOrName(x.getRemoteAddress()),
            x.getStartedAtMs() > 0 ? Instant.ofEpochMilli(x.getStartedAtMs()) : null)),
        tristate(s.getRemoteSession()), tristate(s.getRemoteControl()), s.getIdleSeconds(),
        tristate(s.getScreenLocked()));
  }

  private static SessionFacts.Kind sessionKind(io.telltale.proto.v1.SessionKind k) {
    return switch (k) {
      case SESSION_KIND_RDP -> SessionFacts.Kind.RDP;
      case SESSION_KIND_SSH -> SessionFacts.Kind.SSH;
      case SESSION_KIND_VNC -> SessionFacts.Kind.VNC;
      case SESSION_KIND_SCREEN_SHARING -> SessionFacts.Kind.SCREEN_SHARING;
      case SESSION_KIND_REMOTE_TOOL -> SessionFacts.Kind.REMOTE_TOOL;
      // An unspecified kind is treated as a console session: the least alarming reading.
      default -> SessionFacts.Kind.CONSOLE;
    };
  }

  private static Timing timing(io.telltale.proto.v1.Timing t) {
    return new Timing(t.getRttMs(), t.getClockOffsetKnown() ? t.getClockOffsetMs() : null);
  }

  private static ActivityRecord activity(io.telltale.proto.v1.ActivityRecord a) {
    int covered = a.getMinutesCovered();
    if (covered < 0 || covered > MAX_MINUTES_COVERED) {
      throw new IllegalArgumentException(
          "activity.minutes_covered: " + Integer.toUnsignedString(covered) + " (expected: 0.." + MAX_MINUTES_COVERED + ")");
    }
    List<ActivityRecord.Minute> minutes = new ArrayList<>(a.getMinutesCount());
    int previous = -1;
    for (int i = 0; i < a.getMinutesCount(); i++) {
      ActivityMinute m = a.getMinutes(i);
      if (m.getOffset() >= covered || m.getOffset() <= previous) {
        throw new IllegalArgumentException("activity.minutes[" + i + "].offset: " + Integer.toUnsignedString(m.getOffset())
            + " (expected: increasing, < minutes_covered " + covered + ")");
      }
      if (m.getExternalSource() > a.getExternalSourcesCount()) {
        throw new IllegalArgumentException("activity.minutes[" + i + "].external_source: " + m.getExternalSource()
            + " (expected: 0.." + a.getExternalSourcesCount() + ")");
      }
      previous = m.getOffset();
      minutes.add(new ActivityRecord.Minute(m.getOffset(), nonNegative(m.getLocalEvents()),
          nonNegative(m.getInjectedEvents()), nonNegative(m.getExternalEvents()),
          nonNegative(m.getJigglePeriodSeconds()), m.getExternalSource()));
    }
    return new ActivityRecord(a.getFirstMinute(), covered, minutes, a.getExternalSourcesList());
  }

  /** uint32 values above Integer.MAX_VALUE arrive negative; clamp them (counts that large are noise). */
  private static int nonNegative(int uint32) {
    return uint32 < 0 ? Integer.MAX_VALUE : uint32;
  }

  private static @Nullable Boolean tristate(Tristate t) {
    return switch (t) {
      case TRISTATE_TRUE -> Boolean.TRUE;
      case TRISTATE_FALSE -> Boolean.FALSE;
      default -> null;
    };
  }

  private static <P, R> List<R> map(List<P> in, Function<P, R> f) {
    List<R> out = new ArrayList<>(in.size());
    for (P p : in) {
      out.add(f.apply(p));
    }
    return out;
  }
}
