package io.telltale.agent.probe.common;

import io.telltale.agent.probe.HardwareFacts.PointerMode;
import io.telltale.agent.probe.HardwareFacts.UsbFunction;
import io.telltale.agent.probe.HardwareFacts.UsbInterface;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Derives what a USB device does from its interface descriptors (and, for HID interfaces, from the report
 * descriptor when the OS gives it), not from its ids: an IP-KVM that clones a real keyboard's VID/PID still
 * shows its absolute pointer, CD-ROM and network functions here. OS-neutral and pure.
 */
public final class UsbFunctions {

  /** Linux Foundation root hubs (1.1, 2.0, 3.0): part of the host controller, never reported. */
  private static final Set<String> ROOT_HUBS = Set.of("1d6b:0001", "1d6b:0002", "1d6b:0003");

  private UsbFunctions() {}

  /** True for the kernel's root hubs, which are excluded from reports. */
  public static boolean isRootHub(String vendorId, String productId) {
    return ROOT_HUBS.contains(vendorId + ":" + productId);
  }

  /**
   * One function per distinct capability, in interface order.
   *
   * @param hid per interface, the HID capabilities when known (same order as {@code interfaces}; null entries
   *     or a shorter list mean "not known": boot protocol decides)
   * @param cdrom true when the OS says the storage function is an optical drive (SCSI type 5, USBSTOR\CdRom)
   */
  public static List<UsbFunction> derive(
      List<UsbInterface> interfaces, List<@Nullable HidCapabilities> hid, boolean cdrom) {
    Set<UsbFunction> out = new LinkedHashSet<>();
    for (int i = 0; i < interfaces.size(); i++) {
      UsbInterface itf = interfaces.get(i);
      HidCapabilities caps = i < hid.size() ? hid.get(i) : null;
      out.addAll(of(itf, caps, cdrom));
    }
    return List.copyOf(out);
  }

  static List<UsbFunction> of(UsbInterface itf, @Nullable HidCapabilities caps, boolean cdrom) {
    int cls = itf.interfaceClass();
    int sub = itf.interfaceSubclass();
    int proto = itf.interfaceProtocol();
    String driver = itf.driver().toLowerCase(Locale.ROOT);
    if (driver.equals("rndis_host") || driver.equals("cdc_ether") || driver.equals("cdc_ncm")
        || driver.equals("cdc_eem")) {
      return List.of(UsbFunction.NETWORK);
    }
    return switch (cls) {
      case 0x03 -> hid(sub, proto, caps);
      case 0x08 -> List.of(cdrom || sub == 0x02 ? UsbFunction.CDROM : UsbFunction.MASS_STORAGE);
      case 0x02 -> switch (sub) {
        case 0x02 -> List.of(proto == 0xFF ? UsbFunction.NETWORK : UsbFunction.SERIAL); // 02/02/ff is RNDIS
        case 0x06, 0x0C, 0x0D -> List.of(UsbFunction.NETWORK); // ECM, EEM, NCM
        default -> List.of(UsbFunction.OTHER);
      };
      case 0x0A -> List.of(); // CDC data: the data half of a network or serial function already listed
      case 0xE0 -> List.of(sub == 0x01 && proto == 0x03 ? UsbFunction.NETWORK : UsbFunction.OTHER);
      case 0xEF -> List.of(sub == 0x04 && proto == 0x01 ? UsbFunction.NETWORK : UsbFunction.OTHER);
      case 0x01 -> List.of(UsbFunction.AUDIO);
      case 0x0E -> List.of(UsbFunction.VIDEO);
      case 0x09 -> List.of(UsbFunction.HUB);
      default -> List.of(UsbFunction.OTHER);
    };
  }

  private static List<UsbFunction> hid(int sub, int proto, @Nullable HidCapabilities caps) {
    if (caps != null) {
      List<UsbFunction> f = new ArrayList<>();
      if (caps.keyboard()) {
        f.add(UsbFunction.KEYBOARD);
      }
      if (caps.pointer() == PointerMode.ABSOLUTE) {
        f.add(UsbFunction.MOUSE_ABSOLUTE);
      } else if (caps.pointer() == PointerMode.RELATIVE) {
        f.add(UsbFunction.MOUSE_RELATIVE);
      }
      if (f.isEmpty()) {
        f.add(UsbFunction.HID_OTHER);
      }
      return f;
    }
    if (sub == 0x01 && proto == 0x01) {
      return List.of(UsbFunction.KEYBOARD);
    }
    if (sub == 0x01 && proto == 0x02) {
      return List.of(UsbFunction.MOUSE_RELATIVE); // the boot mouse protocol is relative by definition
    }
    return List.of(UsbFunction.HID_OTHER);
  }
}
