package io.telltale.collector.bench;

import io.telltale.proto.v1.ActivityMinute;
import io.telltale.proto.v1.ActivityRecord;
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
import io.telltale.proto.v1.Process;
import io.telltale.proto.v1.Protocol;
import io.telltale.proto.v1.ReportKind;
import io.telltale.proto.v1.ReportRequest;
import io.telltale.proto.v1.Service;
import io.telltale.proto.v1.Session;
import io.telltale.proto.v1.SessionKind;
import io.telltale.proto.v1.SessionState;
import io.telltale.proto.v1.Software;
import io.telltale.proto.v1.SystemInfo;
import io.telltale.proto.v1.Timing;
import io.telltale.proto.v1.Tristate;
import io.telltale.proto.v1.UsbDevice;
import io.telltale.proto.v1.UsbFunction;
import io.telltale.proto.v1.UsbInterface;
import io.telltale.proto.v1.Wifi;

/**
 * Messages shaped like a real laptop's, for the ingest benchmark: a HEARTBEAT carries activity, power,
 * sessions and timing (about 140 bytes); a FULL carries a whole inventory (about 20 KB: ~120 processes,
 * 40 services, 80 apps, USB, displays, network with neighbours). Each device's inventory is stable apart
 * from one process that comes and goes between FULL reports, so the inventory diff has something to do.
 */
public final class BenchMessages {

  private BenchMessages() {}

  /** A heartbeat of device number {@code device} (0-based) observed at {@code nowMs}. */
  public static ReportRequest heartbeat(int device, long sequence, long nowMs) {
    return volatileParts(device, sequence, nowMs).setKind(ReportKind.REPORT_KIND_HEARTBEAT).build();
  }

  /** A FULL report; {@code fullNumber} (0, 1, 2, ...) varies one process so consecutive FULLs differ. */
  public static ReportRequest full(int device, long sequence, long nowMs, int fullNumber) {
    return volatileParts(device, sequence, nowMs)
        .setKind(ReportKind.REPORT_KIND_FULL)
        .setSystem(system(device))
        .setSoftware(software(device, fullNumber))
        .setHardware(hardware(device))
        .setNetwork(network(device))
        .setLocale(Locale.newBuilder().setTimezone("Europe/Berlin").setUtcOffsetMinutes(60).setLocale("de-DE")
            .addKeyboardLayouts("de-DE").addKeyboardLayouts("en-US"))
        .build();
  }

  private static ReportRequest.Builder volatileParts(int device, long sequence, long nowMs) {
    long minute = nowMs / 60_000;
    ActivityRecord.Builder activity = ActivityRecord.newBuilder().setFirstMinute(minute - 5).setMinutesCovered(5);
    for (int m = 0; m < 5; m++) {
      if ((m + sequence) % 5 != 0) { // a minute without input is not listed
        activity.addMinutes(ActivityMinute.newBuilder().setOffset(m).setLocalEvents(40 + (int) ((sequence * 7 + m) % 90)));
      }
    }
    return ReportRequest.newBuilder()
        .setSequence(sequence)
        .setObservedAtMs(nowMs)
        .setSentAtMs(nowMs)
        .setConfigVersion(1)
        .setAgentVersion("0.1.0")
        .setPower(Power.newBuilder().setHasBattery(Tristate.TRISTATE_TRUE).setOnAc(Tristate.TRISTATE_TRUE)
            .setBatteryPercent(50 + (int) (sequence % 50)).setLid(LidState.LID_STATE_OPEN)
            .setSleepDisabledOnAc(Tristate.TRISTATE_FALSE))
        .setSessions(SessionState.newBuilder()
            .addSessions(Session.newBuilder().setKind(SessionKind.SESSION_KIND_CONSOLE).setUser("user" + device)
                .setStartedAtMs(nowMs - 3_600_000L * (1 + device % 8)))
            .setRemoteSession(Tristate.TRISTATE_FALSE).setRemoteControl(Tristate.TRISTATE_FALSE)
            .setIdleSeconds(sequence % 120).setScreenLocked(Tristate.TRISTATE_FALSE))
        .setTiming(Timing.newBuilder().setRttMs(3).setClockOffsetMs(device % 40 - 20).setClockOffsetKnown(true))
        .setActivity(activity);
  }

  private static SystemInfo system(int device) {
    return SystemInfo.newBuilder().setOsFamily(OsFamily.OS_FAMILY_WINDOWS).setOsVersion("Windows 11 Pro 23H2")
        .setOsBuild("22631.3447").setHostname(String.format("LT-%05d", device))
        .setHardwareSerial(String.format("PF%06dX", device)).setHardwareVendor("LENOVO")
        .setHardwareModel("21HD003MGE").setUptimeSeconds(86_400).build();
  }

  private static Software software(int device, int fullNumber) {
    Software.Builder s = Software.newBuilder();
    for (int i = 0; i < 120; i++) {
      String name = i < 100 ? "svc-process-" + i + ".exe" : "user-app-" + (i + device % 7) + ".exe";
      s.addProcesses(Process.newBuilder().setName(name).setPath("C:\\Program Files\\Vendor" + i % 17 + "\\" + name)
          .setSigner(i % 3 == 0 ? "Microsoft Windows" : "Vendor " + i % 17).setInstances(1 + i % 3)
          .setOriginalFileName(name));
    }
    // One process that comes and goes: the diff on each FULL has one appearance or disappearance.
    if (fullNumber % 2 == 1) {
      s.addProcesses(Process.newBuilder().setName("Teams.exe").setPath("C:\\Users\\u\\AppData\\Teams.exe")
          .setSigner("Microsoft Corporation").setInstances(4));
    }
    for (int i = 0; i < 40; i++) {
      s.addServices(Service.newBuilder().setName("Service" + i).setDisplayName("Windows Service number " + i)
          .setRunning(i % 4 != 0).setEnabled(true));
    }
    for (int i = 0; i < 80; i++) {
      s.addInstalledApps(InstalledApp.newBuilder().setName("Application " + i).setVersion(i + ".2." + (i * 7 % 13))
          .setPublisher("Publisher " + i % 23));
    }
    for (int i = 0; i < 8; i++) {
      s.addListeners(Listener.newBuilder().setPort(135 + i * 311).setProtocol(i % 2 == 0 ? Protocol.PROTOCOL_TCP
          : Protocol.PROTOCOL_UDP).setAddress("0.0.0.0").setProcess("svc-process-" + i + ".exe"));
    }
    return s.build();
  }

  private static Hardware hardware(int device) {
    Hardware.Builder h = Hardware.newBuilder();
    for (int i = 0; i < 5; i++) {
      h.addUsbDevices(UsbDevice.newBuilder().setVendorId(String.format("%04x", 0x046d + i))
          .setProductId(String.format("%04x", 0xc52b + i)).setManufacturer("Vendor " + i).setProduct("Device " + i)
          .setSerial(i == 0 ? "" : String.format("SN%08d", device * 10 + i)).setBcdDevice("1211")
          .addFunctions(i % 2 == 0 ? UsbFunction.USB_FUNCTION_KEYBOARD : UsbFunction.USB_FUNCTION_HUB)
          .addInterfaces(UsbInterface.newBuilder().setInterfaceClass(3).setInterfaceSubclass(1)
              .setInterfaceProtocol(1).setDriver("usbhid"))
          .setMaxPowerMa(98).setLocation("1-" + (i + 1)));
    }
    h.addDisplays(display(true, "LEN", 0x40a9, 0, "eDP-1"));
    h.addDisplays(display(false, "DEL", 0xa0c4, 1_000_000 + device, "HDMI-A-1"));
    h.addInputDevices(InputDevice.newBuilder().setName("AT Translated Set 2 keyboard").setBus(InputBus.INPUT_BUS_INTERNAL)
        .setKeyboard(true).setPointer(PointerMode.POINTER_MODE_NONE));
    h.addInputDevices(InputDevice.newBuilder().setName("SYNA8004:00 Touchpad").setBus(InputBus.INPUT_BUS_INTERNAL)
        .setPointer(PointerMode.POINTER_MODE_RELATIVE));
    h.addInputDevices(InputDevice.newBuilder().setName("Logitech USB Receiver").setBus(InputBus.INPUT_BUS_USB)
        .setVendorId("046d").setProductId("c52b").setKeyboard(true).setPointer(PointerMode.POINTER_MODE_RELATIVE));
    h.addCaptureDevices(CaptureDevice.newBuilder().setName("Integrated Camera").setVendorId("04f2").setProductId("b7b4"));
    return h.build();
  }

  private static Display display(boolean internal, String mfg, int product, int serial, String connector) {
    return Display.newBuilder().setInternal(internal).setActive(true).setConnector(connector).setManufacturerId(mfg)
        .setProductCode(product).setSerialNumber(serial).setMonitorName(internal ? "" : "DELL U2722D")
        .setWidthPx(2560).setHeightPx(1440).setRefreshMillihz(60_000).setWidthCm(60).setHeightCm(34)
        .setManufactureWeek(12).setManufactureYear(2022).setPreferredWidthPx(2560).setPreferredHeightPx(1440)
        .setPreferredRefreshMillihz(60_000).setEdidSha256("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
        .build();
  }

  private static Network network(int device) {
    int office = device % 50; // 50 offices / home networks shared by the fleet
    Network.Builder n = Network.newBuilder()
        .addInterfaces(NetworkInterface.newBuilder().setName("Wi-Fi").setDescription("Intel(R) Wi-Fi 6E AX211 160MHz")
            .setKind(InterfaceKind.INTERFACE_KIND_WIFI).setUp(true).addAddresses("192.168.1." + (device % 250 + 2) + "/24")
            .addAddresses("fe80::1c2b:3a4d:5e6f:7a8b/64").setMac(hmac("nic", device)).setDriver("Netwtw14"))
        .addInterfaces(NetworkInterface.newBuilder().setName("Ethernet").setDescription("Intel(R) Ethernet I219-V")
            .setKind(InterfaceKind.INTERFACE_KIND_ETHERNET).setMac(hmac("eth", device)).setDriver("e1dexpress"))
        .addInterfaces(NetworkInterface.newBuilder().setName("Loopback").setKind(InterfaceKind.INTERFACE_KIND_LOOPBACK)
            .setUp(true).addAddresses("127.0.0.1/8"))
        .setGateway(Gateway.newBuilder().setIp("192.168.1.1").setMac(hmac("gw", office)).setMacOui("dc:a6:32")
            .setInterface("Wi-Fi"))
        .setWifi(Wifi.newBuilder().setSsid(hmac("ssid", office)).setBssid(hmac("bssid", office)).setBssidOui("aa:bb:cc"))
        .addDnsServers("192.168.1.1").addDnsServers("1.1.1.1");
    for (int i = 0; i < 8; i++) {
      n.addNeighbors(Neighbor.newBuilder().setMac(hmac("nb" + i, office)).setMacOui("b8:27:e" + i)
          .setHostname(i == 0 ? "printer.local" : ""));
    }
    return n.build();
  }

  private static String hmac(String what, int n) {
    return String.format("hmac:%032x", (what.hashCode() * 31L + n) & Long.MAX_VALUE);
  }

  /** A documentation-range public IP per device (the collector believes X-Forwarded-For from loopback). */
  public static String publicIp(int device) {
    return "198.51." + (device / 250) % 256 + "." + (device % 250 + 1);
  }
}
