package io.telltale.agent.probe.linux;

import io.telltale.agent.probe.Failures;
import io.telltale.agent.probe.HardwareFacts.UsbDevice;
import io.telltale.agent.probe.HardwareFacts.UsbInterface;
import io.telltale.agent.probe.HostRoot;
import io.telltale.agent.probe.ProbeException;
import io.telltale.agent.probe.common.AbstractProbe;
import io.telltale.agent.probe.common.HidCapabilities;
import io.telltale.agent.probe.common.Parse;
import io.telltale.agent.probe.common.UsbFunctions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * USB devices from {@code /sys/bus/usb/devices}: device attributes, interface descriptors with their bound
 * drivers, HID report descriptors ({@code <if>/<bus>:<vid>:<pid>.<n>/report_descriptor}) and the SCSI
 * inquiry and type of mass-storage functions ({@code <if>/host*}/{@code target*}/{@code H:C:T:L}).
 */
final class LinuxUsbProbe extends AbstractProbe<List<UsbDevice>> {

  static final String DEVICES = "/sys/bus/usb/devices";
  private static final Pattern HID_DIR = Pattern.compile("[0-9A-Fa-f]{4}:[0-9A-Fa-f]{4}:[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]+");
  // SCSI peripheral device type 5: CD/DVD.
  private static final int SCSI_TYPE_CDROM = 5;

  private final HostRoot root;

  LinuxUsbProbe(HostRoot root) {
    super("hardware.usb");
    this.root = root;
  }

  @Override
  protected List<UsbDevice> collect(Failures failures) throws ProbeException {
    List<String> entries = root.list(DEVICES);
    List<UsbDevice> out = new ArrayList<>();
    for (String name : entries) {
      if (name.contains(":") || name.startsWith("usb")) {
        continue; // interfaces, and root hubs named usbN
      }
      UsbDevice d = device(name, entries);
      if (d != null) {
        out.add(d);
      }
    }
    return out;
  }

  private @Nullable UsbDevice device(String name, List<String> entries) {
    String dir = DEVICES + "/" + name;
    String vid = Parse.hex4(root.readOr(dir + "/idVendor", ""));
    String pid = Parse.hex4(root.readOr(dir + "/idProduct", ""));
    if (vid.isEmpty() || UsbFunctions.isRootHub(vid, pid)) {
      return null;
    }
    List<UsbInterface> interfaces = new ArrayList<>();
    List<@Nullable HidCapabilities> hid = new ArrayList<>();
    boolean cdrom = false;
    String inquiry = "";
    for (String e : entries) {
      if (!e.startsWith(name + ":")) {
        continue;
      }
      String itf = DEVICES + "/" + e;
      UsbInterface u = new UsbInterface(
          Parse.hexToInt(root.readOr(itf + "/bInterfaceClass", ""), 0),
          Parse.hexToInt(root.readOr(itf + "/bInterfaceSubClass", ""), 0),
          Parse.hexToInt(root.readOr(itf + "/bInterfaceProtocol", ""), 0),
          baseName(root.readLink(itf + "/driver")));
      interfaces.add(u);
      hid.add(u.interfaceClass() == 0x03 ? hidCapabilities(itf) : null);
      if (u.interfaceClass() == 0x08) {
        String[] scsi = scsiInquiry(itf);
        if (scsi != null) {
          inquiry = scsi[0];
          cdrom |= Parse.toInt(scsi[1], -1) == SCSI_TYPE_CDROM;
        }
      }
    }
    return new UsbDevice(vid, pid,
        root.readOr(dir + "/manufacturer", ""),
        root.readOr(dir + "/product", ""),
        root.readOr(dir + "/serial", ""),
        Parse.hex4(root.readOr(dir + "/bcdDevice", "")),
        UsbFunctions.derive(interfaces, hid, cdrom),
        interfaces,
        Parse.toInt(root.readOr(dir + "/bMaxPower", ""), 0),
        name,
        inquiry);
  }

  private @Nullable HidCapabilities hidCapabilities(String itf) {
    try {
      for (String sub : root.list(itf)) {
        if (HID_DIR.matcher(sub).matches()) {
          return HidCapabilities.parse(root.readBytes(itf + "/" + sub + "/report_descriptor"));
        }
      }
    } catch (ProbeException e) {
      // Not bound to usbhid, or not readable: the boot protocol decides instead.
    }
    return null;
  }

  /** {vendor + " " + model, type} of the first SCSI device below a storage interface, or null. */
  private String @Nullable [] scsiInquiry(String itf) {
    try {
      for (String host : root.list(itf)) {
        if (!host.startsWith("host")) {
          continue;
        }
        for (String target : root.list(itf + "/" + host)) {
          if (!target.startsWith("target")) {
            continue;
          }
          for (String lun : root.list(itf + "/" + host + "/" + target)) {
            String dev = itf + "/" + host + "/" + target + "/" + lun;
            if (lun.contains(":") && root.exists(dev + "/model")) {
              String text = (root.readOr(dev + "/vendor", "") + " " + root.readOr(dev + "/model", "")).trim();
              return new String[] {text, root.readOr(dev + "/type", "")};
            }
          }
        }
      }
    } catch (ProbeException e) {
      // No SCSI device bound (driver not loaded, or a UAS device still probing).
    }
    return null;
  }

  static String baseName(String link) {
    return link.isEmpty() ? "" : link.substring(link.lastIndexOf('/') + 1);
  }
}
