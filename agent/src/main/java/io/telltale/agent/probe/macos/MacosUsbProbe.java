package io.telltale.agent.probe.macos;

import io.telltale.agent.probe.Failures;
import io.telltale.agent.probe.HardwareFacts.UsbDevice;
import io.telltale.agent.probe.HardwareFacts.UsbInterface;
import io.telltale.agent.probe.ProbeException;
import io.telltale.agent.probe.common.AbstractProbe;
import io.telltale.agent.probe.common.Command;
import io.telltale.agent.probe.common.HidCapabilities;
import io.telltale.agent.probe.common.Parse;
import io.telltale.agent.probe.common.UsbFunctions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * USB devices from the IORegistry: devices ({@code IOUSBHostDevice}: idVendor, idProduct, USB Vendor/Product
 * Name, USB Serial Number, bcdDevice, locationID), their interfaces ({@code IOUSBHostInterface}: class,
 * subclass, protocol, joined by locationID), the HID report descriptors of their HID devices
 * ({@code IOHIDDevice ReportDescriptor}, joined by LocationID) and whether a storage function is an
 * optical drive ({@code IOSCSIPeripheralDeviceType05} / {@code IODVDServices} below the device).
 */
final class MacosUsbProbe extends AbstractProbe<List<UsbDevice>> {

  MacosUsbProbe() {
    super("hardware.usb");
  }

  @Override
  protected List<UsbDevice> collect(Failures failures) throws ProbeException {
    String devices = Command.run("ioreg", "-p", "IOUSB", "-l", "-w0");
    String interfaces = Command.run("ioreg", "-r", "-c", "IOUSBHostInterface", "-l", "-w0");
    String hid = part("hid", failures, () -> Command.run("ioreg", "-r", "-c", "IOHIDDevice", "-l", "-w0"));
    String storage = part("storage", failures, () -> Command.run("ioreg", "-r", "-c", "IOUSBHostDevice", "-w0"));
    return parse(devices, interfaces, hid == null ? "" : hid, storage == null ? "" : storage);
  }

  /**
   * Joins the outputs of {@code ioreg -p IOUSB -l -w0}, {@code ioreg -r -c IOUSBHostInterface -l -w0},
   * {@code ioreg -r -c IOHIDDevice -l -w0} and {@code ioreg -r -c IOUSBHostDevice -w0} (the service tree
   * below each device, for optical-drive nubs).
   */
  static List<UsbDevice> parse(String devices, String interfaces, String hid, String tree) {
    List<Ioreg.Node> itfs = Ioreg.parse(interfaces);
    List<Ioreg.Node> hids = Ioreg.parse(hid);
    List<Ioreg.Node> treeNodes = Ioreg.parse(tree);
    List<UsbDevice> out = new ArrayList<>();
    for (Ioreg.Node d : Ioreg.parse(devices)) {
      if (!d.className().equals("IOUSBHostDevice") && !d.className().equals("IOUSBDevice")) {
        continue;
      }
      String vid = Parse.hex4((int) d.number("idVendor", -1));
      String pid = Parse.hex4((int) d.number("idProduct", -1));
      if (vid.isEmpty() || UsbFunctions.isRootHub(vid, pid)) {
        continue;
      }
      long location = d.number("locationID", -1);
      List<UsbInterface> ifaces = new ArrayList<>();
      List<@Nullable HidCapabilities> caps = new ArrayList<>();
      List<HidCapabilities> hidCaps = new ArrayList<>();
      for (Ioreg.Node h : hids) {
        if (h.number("LocationID", -2) == location) {
          hidCaps.add(HidCapabilities.parse(h.data("ReportDescriptor")));
        }
      }
      int nextHid = 0;
      for (Ioreg.Node i : itfs) {
        if (i.number("locationID", -2) == location) {
          UsbInterface u = new UsbInterface((int) i.number("bInterfaceClass", 0),
              (int) i.number("bInterfaceSubClass", 0), (int) i.number("bInterfaceProtocol", 0), "");
          ifaces.add(u);
          caps.add(u.interfaceClass() == 3 && nextHid < hidCaps.size() ? hidCaps.get(nextHid++) : null);
        }
      }
      boolean cdrom = hasOpticalNub(treeNodes, d.name(), d.location());
      out.add(new UsbDevice(vid, pid, str(d, "USB Vendor Name"), str(d, "USB Product Name"),
          str(d, "USB Serial Number"), Parse.hex4((int) d.number("bcdDevice", -1)),
          UsbFunctions.derive(ifaces, caps, cdrom), ifaces, (int) d.number("UsbPowerSinkAllocation", 0),
          String.format(Locale.ROOT, "0x%08x", location), ""));
    }
    return out;
  }

  private static boolean hasOpticalNub(List<Ioreg.Node> tree, String name, String location) {
    boolean inside = false;
    int depth = 0;
    for (Ioreg.Node n : tree) {
      if (n.className().equals("IOUSBHostDevice")) {
        inside = n.name().equals(name) && n.location().equals(location);
        depth = n.depth();
        continue;
      }
      if (inside && n.depth() > depth && (n.className().contains("PeripheralDeviceType05")
          || n.className().equals("IODVDServices") || n.className().equals("IOCompactDiscServices"))) {
        return true;
      }
    }
    return false;
  }

  private static String str(Ioreg.Node n, String key) {
    String v = n.string(key);
    return v == null ? "" : v;
  }
}
