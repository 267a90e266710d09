package io.telltale.agent.probe.windows;

import static io.telltale.agent.probe.HardwareFacts.UsbFunction.CDROM;
import static io.telltale.agent.probe.HardwareFacts.UsbFunction.HID_OTHER;
import static io.telltale.agent.probe.HardwareFacts.UsbFunction.KEYBOARD;
import static io.telltale.agent.probe.HardwareFacts.UsbFunction.MOUSE_ABSOLUTE;
import static io.telltale.agent.probe.HardwareFacts.UsbFunction.MOUSE_RELATIVE;
import static io.telltale.agent.probe.HardwareFacts.UsbFunction.NETWORK;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.telltale.agent.probe.Fixtures;
import io.telltale.agent.probe.HardwareFacts.Display;
import io.telltale.agent.probe.HardwareFacts.PointerMode;
import io.telltale.agent.probe.HardwareFacts.UsbDevice;
import io.telltale.agent.probe.NetworkFacts;
import io.telltale.agent.probe.SessionFacts;
import io.telltale.agent.probe.SoftwareFacts.InstalledApp;
import io.telltale.agent.probe.SoftwareFacts.ServiceEntry;
import io.telltale.agent.probe.common.HidCapabilities;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WindowsParsersTest {

  private static final HidCapabilities KBD = new HidCapabilities(true, PointerMode.NONE, false);
  private static final HidCapabilities ABS = new HidCapabilities(false, PointerMode.ABSOLUTE, false);
  private static final String GUID = "#{378de44c-56ef-11d1-bc8c-00a0c91405dd}";

  private static String fx(String name) {
    return Fixtures.text("windows", name);
  }

  /** What Raw Input reports for the HID collections of the fixture's KVMs. */
  private static List<WindowsRawInput.HidDevice> rawInput() {
    return List.of(
        new WindowsRawInput.HidDevice("\\\\?\\HID#VID_1D6B&PID_0104&MI_00#7&1c2d3e4f&0&0000" + GUID, KBD),
        new WindowsRawInput.HidDevice("\\\\?\\HID#VID_1D6B&PID_0104&MI_01#7&1c2d3e4f&0&0000" + GUID, ABS),
        new WindowsRawInput.HidDevice("\\\\?\\HID#VID_046D&PID_C31C&MI_01#7&2d3e4f5a&0&0000" + GUID, ABS),
        new WindowsRawInput.HidDevice("\\\\?\\HID#VID_3346&PID_1009&MI_01#7&5a6b7c8d&0&0000" + GUID, ABS));
  }

  private static Map<String, UsbDevice> usb(List<WindowsRawInput.HidDevice> raw) throws Exception {
    return WindowsUsbProbe.parse(fx("Get-CimInstance-Win32_PnPEntity.json"), raw).stream()
        .collect(Collectors.toMap(UsbDevice::location, d -> d));
  }

  @Test
  void usb_devicesInterfacesAndOpticalDrives_fromPnpTree_withRawInputCapabilities() throws Exception {
    Map<String, UsbDevice> usb = usb(rawInput());

    assertThat(usb).hasSize(7).doesNotContainKey("USB\\ROOT_HUB30\\4&2f3b1c7d&0&0");
    UsbDevice pikvm = usb.get("USB\\VID_1D6B&PID_0104\\CAFEBABE");
    assertThat(pikvm.serial()).isEqualTo("CAFEBABE");
    assertThat(pikvm.product()).isEqualTo("PiKVM Composite Device");
    assertThat(pikvm.manufacturer()).isEmpty(); // Windows only has the INF's manufacturer
    assertThat(pikvm.storageInquiry()).isEqualTo("PiKVM Optical Drive");
    assertThat(pikvm.functions()).containsExactly(KEYBOARD, MOUSE_ABSOLUTE, CDROM);
    assertThat(usb.get("USB\\VID_38EB&PID_0104\\CAFEBABE").storageInquiry()).isEqualTo("Glinet Flash Drive");
    assertThat(usb.get("USB\\VID_3346&PID_1009\\0123456789ABCDEF").functions())
        .containsExactly(KEYBOARD, MOUSE_ABSOLUTE, NETWORK);
    assertThat(usb.get("USB\\VID_1D6B&PID_0104\\6b65796d696d6570690").product()).isEqualTo("Multifunction USB Device");
    UsbDevice jet = usb.get("USB\\VID_1D6B&PID_0104\\5&4a5b6c7d&0&4");
    assertThat(jet.serial()).isEmpty(); // Windows made up the instance id: no serial
    assertThat(jet.functions()).containsExactly(KEYBOARD, HID_OTHER, MOUSE_RELATIVE); // no Raw Input caps given
    assertThat(usb.get("USB\\VID_046D&PID_C077\\5&3a1b2c3d&0&5").functions()).containsExactly(MOUSE_RELATIVE);
  }

  @Test
  void usb_kvmSpoofingKeyboardIds_keyboardAbsolutePointerCdromAndRndis() throws Exception {
    UsbDevice spoof = usb(rawInput()).get("USB\\VID_046D&PID_C31C\\5&3a1b2c3d&0&2");

    assertThat(spoof.product()).isEqualTo("USB Keyboard");
    assertThat(spoof.functions()).containsExactly(KEYBOARD, MOUSE_ABSOLUTE, CDROM, NETWORK);
    assertThat(spoof.interfaces()).extracting(i -> i.driver())
        .containsExactly("HidUsb", "HidUsb", "USBSTOR", "usb_rndis", "usb_rndis");
  }

  @Test
  void rawInputName_mapsToHidInstanceId() {
    assertThat(WindowsRawInput.instanceId("\\\\?\\HID#VID_1D6B&PID_0104&MI_01#7&1c2d3e4f&0&0000" + GUID))
        .isEqualTo("HID\\VID_1D6B&PID_0104&MI_01\\7&1C2D3E4F&0&0000");
  }

  @Test
  void displays_edidFromRegistryDecoded_internalPanelByVideoOutputTechnology() throws Exception {
    List<Display> d = WindowsDisplayProbe.parse(fx("WmiMonitorID-with-EDID.json"));

    assertThat(d).hasSize(2);
    assertThat(d.get(0).internal()).isTrue();
    assertThat(d.get(0).manufacturerId()).isEqualTo("BOE");
    assertThat(d.get(0).productCode()).isEqualTo(0x0A5C);
    assertThat(d.get(0).edidSha256()).isEmpty(); // WMI strings only
    Display kvm = d.get(1);
    assertThat(kvm.internal()).isFalse();
    assertThat(kvm.connector()).isEqualTo("DISPLAY\\TSB9876\\5&2d6f3a1&0&UID4352");
    assertThat(kvm.manufacturerId()).isEqualTo("TSB");
    assertThat(kvm.serialNumber()).isEqualTo(0x88888800L);
    assertThat(kvm.monitorName()).isEqualTo("TinyPilot");
    assertThat(kvm.preferredRefreshMillihz()).isEqualTo(30_000);
    assertThat(kvm.widthCm()).isZero();
  }

  @Test
  void network_defaultRouteNeighboursAndDns() throws Exception {
    JsonNode tables = PowerShell.array(fx("Get-NetRoute-NetNeighbor-DnsClientServerAddress.json")).get(0);

    assertThat(WindowsNetworkProbe.defaultRoute(tables.path("routes"))).containsExactly("192.168.1.1", "Wi-Fi");
    assertThat(WindowsNetworkProbe.neighbors(tables.path("neighbors"))).extracting(n -> n[1])
        .containsExactly("94-83-C4-12-34-56", "DC-A6-32-AA-BB-CC");
    assertThat(WindowsNetworkProbe.dns(tables.path("dns")))
        .containsExactly("192.168.1.1", "103.86.96.100", "103.86.99.100");
  }

  @Test
  void netsh_connectedWifi_andDisconnected() {
    assertThat(WindowsNetworkProbe.parseNetshWlan(fx("netsh-wlan-show-interfaces.txt")))
        .isEqualTo(new NetworkFacts.Wifi("HomeNet", "94:83:c4:12:34:57"));
    assertThat(WindowsNetworkProbe.parseNetshWlan(fx("netsh-wlan-show-interfaces-disconnected.txt"))).isNull();
  }

  @Test
  void power_sessions_software_locale() throws Exception {
    assertThat(WindowsPowerProbe.parseSleepDisabledOnAc(fx("powercfg-query-STANDBYIDLE.txt"))).isTrue();
    assertThat(WindowsSessionProbe.parseQueryUser(fx("query-user.txt"))).extracting(SessionFacts.Session::kind)
        .containsExactly(SessionFacts.Kind.CONSOLE, SessionFacts.Kind.RDP);
    assertThat(WindowsSoftwareProbes.parseServices(fx("Get-CimInstance-Win32_Service.json"))).containsExactly(
        new ServiceEntry("AnyDesk", "AnyDesk Service", true, true),
        new ServiceEntry("TeamViewer", "TeamViewer", false, true));
    assertThat(WindowsSoftwareProbes.parseApps(fx("Uninstall-DisplayName.json"))).containsExactly(
        new InstalledApp("AnyDesk", "ad 8.0.14", "", "AnyDesk Software GmbH"),
        new InstalledApp("Astrill", "3.10.0", "", "Astrill Systems Corp."));
    assertThat(WindowsSoftwareProbes.parseLanguageList(fx("Get-WinUserLanguageList.json"))).containsExactly("en-US", "ko");
    assertThat(WindowsSoftwareProbes.parseLanguageList(fx("Get-WinUserLanguageList-single.json"))).containsExactly("en-US");
  }
}
