package io.telltale.agent.probe.macos;

import static io.telltale.agent.probe.HardwareFacts.UsbFunction.CDROM;
import static io.telltale.agent.probe.HardwareFacts.UsbFunction.KEYBOARD;
import static io.telltale.agent.probe.HardwareFacts.UsbFunction.MOUSE_ABSOLUTE;
import static io.telltale.agent.probe.HardwareFacts.UsbFunction.MOUSE_RELATIVE;
import static io.telltale.agent.probe.HardwareFacts.UsbFunction.NETWORK;
import static org.assertj.core.api.Assertions.assertThat;

import io.telltale.agent.probe.Fixtures;
import io.telltale.agent.probe.HardwareFacts.Display;
import io.telltale.agent.probe.HardwareFacts.InputBus;
import io.telltale.agent.probe.HardwareFacts.InputDevice;
import io.telltale.agent.probe.HardwareFacts.PointerMode;
import io.telltale.agent.probe.HardwareFacts.UsbDevice;
import io.telltale.agent.probe.NetworkFacts;
import io.telltale.agent.probe.PowerFacts;
import io.telltale.agent.probe.SessionFacts;
import io.telltale.agent.probe.SoftwareFacts.ServiceEntry;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MacosParsersTest {

  private static String fx(String name) {
    return Fixtures.text("macos", name);
  }

  private static Map<String, UsbDevice> usb() throws Exception {
    List<UsbDevice> devices = MacosUsbProbe.parse(fx("ioreg-p-IOUSB-l-w0.txt"),
        fx("ioreg-r-c-IOUSBHostInterface-l-w0.txt"), fx("ioreg-r-c-IOHIDDevice-l-w0.txt"),
        fx("ioreg-r-c-IOUSBHostDevice-w0.txt"));
    return devices.stream().collect(Collectors.toMap(UsbDevice::location, d -> d));
  }

  @Test
  void usb_kvmIdsStringsAndFunctions_fromIoreg() throws Exception {
    Map<String, UsbDevice> usb = usb();

    assertThat(usb).hasSize(7);
    UsbDevice pikvm = usb.get("0x01100000");
    assertThat(pikvm.vendorId() + ":" + pikvm.productId()).isEqualTo("1d6b:0104");
    assertThat(pikvm.manufacturer()).isEqualTo("PiKVM");
    assertThat(pikvm.serial()).isEqualTo("CAFEBABE");
    assertThat(pikvm.bcdDevice()).isEqualTo("0510");
    assertThat(pikvm.maxPowerMa()).isEqualTo(250);
    assertThat(pikvm.functions()).containsExactly(KEYBOARD, MOUSE_ABSOLUTE, CDROM);
    assertThat(usb.get("0x01300000").manufacturer()).isEqualTo("tinypilot");
    assertThat(usb.get("0x01400000").functions()).containsExactly(KEYBOARD, MOUSE_ABSOLUTE, MOUSE_RELATIVE);
    assertThat(usb.get("0x01500000").functions()).containsExactly(KEYBOARD, MOUSE_ABSOLUTE, NETWORK);
    assertThat(usb.get("0x01600000").manufacturer()).isEqualTo("GLKVM");
    assertThat(usb.get("0x02100000").functions()).containsExactly(MOUSE_RELATIVE);
  }

  @Test
  void usb_spoofedKeyboardIds_stillYieldAbsolutePointerCdromAndNetwork() throws Exception {
    UsbDevice spoof = usb().get("0x01200000");

    assertThat(spoof.vendorId() + ":" + spoof.productId()).isEqualTo("046d:c31c");
    assertThat(spoof.functions()).containsExactly(KEYBOARD, MOUSE_ABSOLUTE, CDROM, NETWORK);
  }

  @Test
  void inputDevices_builtInFifoIsInternal_kvmMouseIsAbsolute() {
    List<InputDevice> devices = MacosInputProbes.parse(fx("ioreg-r-c-IOHIDDevice-l-w0.txt"));

    assertThat(devices.get(0)).isEqualTo(new InputDevice("Apple Internal Keyboard / Trackpad", InputBus.INTERNAL,
        "", "", true, PointerMode.NONE));
    assertThat(devices.get(1).pointer()).isEqualTo(PointerMode.RELATIVE);
    assertThat(devices).contains(new InputDevice("PiKVM Composite Device", InputBus.USB, "1d6b", "0104", false,
        PointerMode.ABSOLUTE));
  }

  @Test
  void displays_systemProfilerModes_pnpFromHexVendor_edidFromIoregWhereMatched() throws Exception {
    List<Display> d = MacosDisplayProbe.parse(fx("system_profiler-SPDisplaysDataType.json"),
        fx("ioreg-lw0-r-c-IODisplayConnect.txt"));

    assertThat(d).hasSize(3);
    assertThat(d.get(0).internal()).isTrue();
    assertThat(d.get(0).manufacturerId()).isEqualTo("APP");
    assertThat(d.get(0).refreshMillihz()).isEqualTo(60_000);
    Display kvm = d.get(1);
    assertThat(kvm.manufacturerId()).isEqualTo("LNX");
    assertThat(kvm.productCode()).isEqualTo(0x7771);
    assertThat(kvm.serialString()).isEqualTo("CAFEBABE"); // only the EDID has it
    assertThat(kvm.refreshMillihz()).isEqualTo(50_000);
    assertThat(kvm.preferredRefreshMillihz()).isEqualTo(50_000);
    assertThat(kvm.edidSha256()).hasSize(64);
    Display dell = d.get(2);
    assertThat(dell.manufacturerId()).isEqualTo("DEL");
    assertThat(dell.serialNumber()).isEqualTo(0x39363945L);
    assertThat(dell.edidSha256()).isEmpty();
  }

  @Test
  void power_battSourceAndCharge_lidClosed_sleepNever() {
    assertThat(MacosPowerProbe.parseBatt(fx("pmset-g-batt-ac.txt")))
        .isEqualTo(new PowerFacts(true, true, 100, null, null));
    assertThat(MacosPowerProbe.parseBatt(fx("pmset-g-batt-battery.txt")))
        .isEqualTo(new PowerFacts(true, false, 57, null, null));
    assertThat(MacosPowerProbe.parseBatt(fx("pmset-g-batt-desktop.txt")))
        .isEqualTo(new PowerFacts(false, true, -1, null, null));
    assertThat(MacosPowerProbe.parseClamshell(fx("ioreg-r-k-AppleClamshellState-d4.txt"))).isFalse();
    assertThat(MacosPowerProbe.parseSleepDisabled(fx("pmset-g.txt"))).isTrue();
  }

  @Test
  void network_gatewayArpDnsWifiAndVpn() {
    assertThat(MacosNetworkProbe.parseRouteGet(fx("route-n-get-default.txt"))).containsExactly("192.168.1.1", "en0");
    assertThat(MacosNetworkProbe.parseArp(fx("arp-an.txt"))).extracting(a -> a[1])
        .containsExactly("94:83:c4:12:34:56", "dc:a6:32:aa:bb:cc", "1:0:5e:0:0:fb");
    assertThat(MacosNetworkProbe.parseScutilDns(fx("scutil-dns.txt"))).containsExactly("192.168.1.1", "2001:db8::1");
    assertThat(MacosNetworkProbe.parseHardwarePorts(fx("networksetup-listallhardwareports.txt")))
        .containsEntry("en0", "Wi-Fi").containsEntry("en4", "Ethernet Adapter (en4)");
    assertThat(MacosNetworkProbe.parseIpconfigSummary(fx("ipconfig-getsummary-en0.txt")))
        .isEqualTo(new NetworkFacts.Wifi("HomeNet", "94:83:c4:12:34:57"));
    assertThat(MacosNetworkProbe.parseIpconfigSummary(fx("ipconfig-getsummary-en0-redacted.txt")))
        .isEqualTo(new NetworkFacts.Wifi("", ""));
    assertThat(MacosNetworkProbe.parseScutilNc(fx("scutil-nc-list.txt"))).containsExactly("Astrill");
  }

  @Test
  void software_launchctlRunningAndLoaded() {
    assertThat(MacosSoftwareProbes.parseLaunchctlList(fx("launchctl-list.txt"))).containsExactly(
        new ServiceEntry("com.apple.SafariHistoryServiceAgent", "", false, false),
        new ServiceEntry("com.philandro.anydesk.Frontend", "", true, false),
        new ServiceEntry("com.astrill.launcher", "", false, false),
        new ServiceEntry("com.teamviewer.desktop", "", true, false));
  }

  @Test
  void sessions_consoleAndSsh_idleFromHidIdleTime_layouts() {
    List<SessionFacts.Session> s = MacosSessionProbe.parseWho(fx("who.txt"));

    assertThat(s).extracting(SessionFacts.Session::kind)
        .containsExactly(SessionFacts.Kind.CONSOLE, SessionFacts.Kind.SSH);
    assertThat(s.get(1).remoteAddress()).isEqualTo("203.0.113.9");
    assertThat(MacosSessionProbe.parseIdleSeconds(fx("ioreg-c-IOHIDSystem-HIDIdleTime.txt"))).isEqualTo(312);
    assertThat(MacosLocale.parseInputSources(fx("defaults-read-HIToolbox-AppleEnabledInputSources.txt")))
        .containsExactly("en-US", "ko-KR");
  }
}
