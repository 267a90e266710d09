package io.telltale.agent.probe.linux;

import static io.telltale.agent.probe.HardwareFacts.UsbFunction.CDROM;
import static io.telltale.agent.probe.HardwareFacts.UsbFunction.KEYBOARD;
import static io.telltale.agent.probe.HardwareFacts.UsbFunction.MASS_STORAGE;
import static io.telltale.agent.probe.HardwareFacts.UsbFunction.MOUSE_ABSOLUTE;
import static io.telltale.agent.probe.HardwareFacts.UsbFunction.MOUSE_RELATIVE;
import static io.telltale.agent.probe.HardwareFacts.UsbFunction.NETWORK;
import static org.assertj.core.api.Assertions.assertThat;

import io.telltale.agent.probe.Failures;
import io.telltale.agent.probe.Fixtures;
import io.telltale.agent.probe.HardwareFacts.CaptureDevice;
import io.telltale.agent.probe.HardwareFacts.Display;
import io.telltale.agent.probe.HardwareFacts.InputBus;
import io.telltale.agent.probe.HardwareFacts.InputDevice;
import io.telltale.agent.probe.HardwareFacts.PointerMode;
import io.telltale.agent.probe.HardwareFacts.UsbDevice;
import io.telltale.agent.probe.HardwareFacts.UsbFunction;
import io.telltale.agent.probe.HostRoot;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LinuxHardwareProbesTest {

  private final HostRoot root = Fixtures.linuxHost();
  private final Failures failures = new Failures();

  private Map<String, UsbDevice> usbByLocation() {
    List<UsbDevice> devices = new LinuxUsbProbe(root).observe(failures);
    return devices.stream().collect(Collectors.toMap(UsbDevice::location, d -> d));
  }

  @Test
  void usb_rootHubsExcluded_kvmsReportedWithTheirStrings() {
    Map<String, UsbDevice> usb = usbByLocation();

    assertThat(usb).doesNotContainKeys("usb1", "usb2");
    assertThat(usb.values()).noneMatch(d -> d.vendorId().equals("1d6b") && d.productId().equals("0002"));
    UsbDevice pikvm = usb.get("1-2");
    assertThat(pikvm.manufacturer()).isEqualTo("PiKVM");
    assertThat(pikvm.serial()).isEqualTo("CAFEBABE");
    assertThat(pikvm.maxPowerMa()).isEqualTo(250);
    assertThat(pikvm.bcdDevice()).isEqualTo("0510");
    assertThat(pikvm.storageInquiry()).isEqualTo("PiKVM Optical Drive");
    assertThat(pikvm.functions()).containsExactly(KEYBOARD, MOUSE_ABSOLUTE, CDROM);
    assertThat(usb.get("1-4").manufacturer()).isEqualTo("tinypilot");
    assertThat(usb.get("1-5").product()).isEqualTo("JetKVM USB Emulation Device");
    assertThat(usb.get("1-5").functions()).containsExactly(KEYBOARD, MOUSE_ABSOLUTE, MOUSE_RELATIVE, MASS_STORAGE);
    assertThat(usb.get("1-6").vendorId()).isEqualTo("3346");
    assertThat(usb.get("1-6").functions()).containsExactly(KEYBOARD, MOUSE_ABSOLUTE, NETWORK);
    assertThat(usb.get("1-7").manufacturer()).isEqualTo("GLKVM");
    assertThat(failures.toList()).isEmpty();
  }

  @Test
  void usb_kvmSpoofingAKeyboardsIds_stillShowsAbsolutePointerCdromAndNetwork() {
    UsbDevice spoof = usbByLocation().get("1-3");

    assertThat(spoof.vendorId() + ":" + spoof.productId()).isEqualTo("046d:c31c");
    assertThat(spoof.product()).isEqualTo("USB Keyboard");
    assertThat(spoof.functions()).containsExactly(KEYBOARD, MOUSE_ABSOLUTE, CDROM, NETWORK);
    assertThat(spoof.interfaces()).extracting(i -> i.driver())
        .containsExactly("usbhid", "usbhid", "usb-storage", "rndis_host", "rndis_host");
  }

  @Test
  void usb_realMouseCameraAndCaptureDongle() {
    Map<String, UsbDevice> usb = usbByLocation();

    assertThat(usb.get("2-1").functions()).containsExactly(MOUSE_RELATIVE);
    assertThat(usb.get("2-2").functions()).containsExactly(UsbFunction.VIDEO);
    assertThat(usb.get("2-3").functions()).containsExactly(UsbFunction.VIDEO, UsbFunction.AUDIO);
  }

  @Test
  void displays_connectedOnly_edidDecoded_internalPanelTold() {
    List<Display> displays = new LinuxDisplayProbe(root).observe(failures);

    assertThat(displays).extracting(Display::connector).containsExactly("HDMI-A-1", "eDP-1");
    Display kvm = displays.get(0);
    assertThat(kvm.internal()).isFalse();
    assertThat(kvm.active()).isTrue();
    assertThat(kvm.manufacturerId()).isEqualTo("LNX");
    assertThat(kvm.productCode()).isEqualTo(0x7773);
    assertThat(kvm.serialNumber()).isEqualTo(0x01010101L);
    assertThat(kvm.monitorName()).isEqualTo("PiKVM V4 Plus");
    assertThat(kvm.serialString()).isEqualTo("CAFEBABE");
    assertThat(kvm.widthCm()).isEqualTo(53);
    assertThat(kvm.preferredRefreshMillihz()).isEqualTo(60_000);
    assertThat(kvm.edidSha256()).hasSize(64);
    Display panel = displays.get(1);
    assertThat(panel.internal()).isTrue();
    assertThat(panel.active()).isFalse(); // lid closed: the panel is off
    assertThat(panel.manufacturerId()).isEqualTo("BOE");
  }

  @Test
  void inputDevices_busAndPointerMode_fromCapabilityBitmaps() {
    List<InputDevice> devices = new LinuxInputDeviceProbe(root).observe(failures);
    Map<String, InputDevice> byName = devices.stream().collect(Collectors.toMap(InputDevice::name, d -> d));

    assertThat(byName).doesNotContainKey("Power Button");
    assertThat(byName.get("AT Translated Set 2 keyboard").bus()).isEqualTo(InputBus.INTERNAL);
    assertThat(byName.get("AT Translated Set 2 keyboard").keyboard()).isTrue();
    InputDevice touchpad = byName.get("SYNA8004:00 06CB:CD8B Touchpad");
    assertThat(touchpad.bus()).isEqualTo(InputBus.INTERNAL);
    assertThat(touchpad.pointer()).isEqualTo(PointerMode.RELATIVE);
    assertThat(touchpad.vendorId()).isEmpty();
    InputDevice kvmMouse = byName.get("PiKVM PiKVM Composite Device Mouse");
    assertThat(kvmMouse.bus()).isEqualTo(InputBus.USB);
    assertThat(kvmMouse.pointer()).isEqualTo(PointerMode.ABSOLUTE);
    assertThat(kvmMouse.vendorId() + ":" + kvmMouse.productId()).isEqualTo("1d6b:0104");
    assertThat(byName.get("Logitech USB Optical Mouse").pointer()).isEqualTo(PointerMode.RELATIVE);
    assertThat(byName.get("xdotool virtual device").bus()).isEqualTo(InputBus.VIRTUAL);
  }

  @Test
  void captureDevices_foldedPerDevice_withUsbIds() {
    List<CaptureDevice> capture = new LinuxCaptureProbe(root).observe(failures);

    assertThat(capture).containsExactly(
        new CaptureDevice("Integrated Camera: Integrated C", "04f2", "b6dd"),
        new CaptureDevice("USB Video: USB Video", "534d", "2109"));
  }
}
