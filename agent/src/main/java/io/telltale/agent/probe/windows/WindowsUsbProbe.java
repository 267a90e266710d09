package io.telltale.agent.probe.windows;

import com.fasterxml.jackson.databind.JsonNode;
import io.telltale.agent.probe.Failures;
import io.telltale.agent.probe.HardwareFacts.UsbDevice;
import io.telltale.agent.probe.HardwareFacts.UsbInterface;
import io.telltale.agent.probe.ProbeException;
import io.telltale.agent.probe.common.AbstractProbe;
import io.telltale.agent.probe.common.HidCapabilities;
import io.telltale.agent.probe.common.Parse;
import io.telltale.agent.probe.common.UsbFunctions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * USB devices from {@code Win32_PnPEntity} (present devices): the device node {@code USB\VID_v&PID_p\serial},
 * its interface nodes {@code USB\VID_v&PID_p&MI_nn\...} whose compatible ids carry the interface class
 * ({@code USB\Class_03&SubClass_01&Prot_01}), optical drives ({@code USBSTOR\CdRom&Ven_..&Prod_..}) and the
 * HID capabilities of each interface from Raw Input ({@link WindowsRawInput}), matched by VID/PID/MI. The
 * friendly strings come from {@code DEVPKEY_Device_BusReportedDeviceDesc} (iProduct) where PowerShell has it.
 */
final class WindowsUsbProbe extends AbstractProbe<List<UsbDevice>> {

  static final String SCRIPT = "Get-CimInstance Win32_PnPEntity -Filter \"PNPDeviceID LIKE 'USB%' OR "
      + "PNPDeviceID LIKE 'HID%' OR PNPDeviceID LIKE 'USBSTOR%'\" | Select-Object PNPDeviceID,Name,PNPClass,"
      + "Manufacturer,Present,Service,"
      + "CompatibleID,HardwareID,@{n='Parent';e={(Get-PnpDeviceProperty -InstanceId $_.PNPDeviceID -KeyName "
      + "DEVPKEY_Device_Parent -ErrorAction SilentlyContinue).Data}},@{n='BusReportedDeviceDesc';e={if ($_.PNPDeviceID -match '^USB\\\\VID_[^&]+&PID_[^&\\\\]+\\\\') "
      + "{(Get-PnpDeviceProperty -InstanceId $_.PNPDeviceID -KeyName DEVPKEY_Device_BusReportedDeviceDesc "
      + "-ErrorAction SilentlyContinue).Data}}} | ConvertTo-Json -Depth 3";
  private static final Pattern IDS = Pattern.compile("VID_([0-9A-Fa-f]{4})&PID_([0-9A-Fa-f]{4})(?:&MI_([0-9A-Fa-f]{2}))?");
  private static final Pattern CLASS = Pattern.compile(
      "USB\\\\Class_([0-9A-Fa-f]{2})&SubClass_([0-9A-Fa-f]{2})&Prot_([0-9A-Fa-f]{2})", Pattern.CASE_INSENSITIVE);

  WindowsUsbProbe() {
    super("hardware.usb");
  }

  @Override
  protected List<UsbDevice> collect(Failures failures) throws ProbeException {
    String json = PowerShell.run(SCRIPT);
    List<WindowsRawInput.HidDevice> hid = part("hid", failures, WindowsRawInput::query);
    return parse(json, hid == null ? List.of() : hid);
  }

  /**
   * Joins PnP entities (ConvertTo-Json of {@link #SCRIPT}: each node with its {@code Parent} instance id) and
   * the Raw Input HID devices (matched to HID nodes by instance id).
   */
  static List<UsbDevice> parse(String pnpJson, List<WindowsRawInput.HidDevice> hid) throws ProbeException {
    List<JsonNode> all = new ArrayList<>();
    PowerShell.array(pnpJson).forEach(all::add);
    Map<String, List<JsonNode>> children = new LinkedHashMap<>();
    for (JsonNode e : all) {
      children.computeIfAbsent(upper(PowerShell.text(e, "Parent")), k -> new ArrayList<>()).add(e);
    }
    Map<String, HidCapabilities> capsByInstance = new LinkedHashMap<>();
    for (WindowsRawInput.HidDevice d : hid) {
      capsByInstance.put(WindowsRawInput.instanceId(d.name()), d.capabilities());
    }
    List<UsbDevice> out = new ArrayList<>();
    for (JsonNode dev : all) {
      String id = PowerShell.text(dev, "PNPDeviceID");
      Matcher m = IDS.matcher(id);
      if (!upper(id).startsWith("USB\\") || !m.find() || m.group(3) != null) {
        continue; // not a USB device node (an interface, a HID collection, a hub)
      }
      String vid = m.group(1).toLowerCase(Locale.ROOT);
      String pid = m.group(2).toLowerCase(Locale.ROOT);
      if (UsbFunctions.isRootHub(vid, pid)) {
        continue;
      }
      TreeMap<Integer, JsonNode> mi = new TreeMap<>();
      for (JsonNode c : children.getOrDefault(upper(id), List.of())) {
        Matcher cm = IDS.matcher(PowerShell.text(c, "PNPDeviceID"));
        if (upper(PowerShell.text(c, "PNPDeviceID")).startsWith("USB\\") && cm.find() && cm.group(3) != null) {
          mi.put(Parse.hexToInt(cm.group(3), 0), c);
        }
      }
      if (mi.isEmpty()) {
        mi.put(0, dev); // single-interface device: the device node carries the class ids
      }
      List<UsbInterface> ifaces = new ArrayList<>();
      List<@Nullable HidCapabilities> caps = new ArrayList<>();
      String inquiry = "";
      boolean cdrom = false;
      for (JsonNode itf : mi.values()) {
        int[] cls = interfaceClass(itf);
        ifaces.add(new UsbInterface(cls[0], cls[1], cls[2], PowerShell.text(itf, "Service")));
        HidCapabilities merged = null;
        for (JsonNode c : children.getOrDefault(upper(PowerShell.text(itf, "PNPDeviceID")), List.of())) {
          String cid = upper(PowerShell.text(c, "PNPDeviceID"));
          if (cid.startsWith("USBSTOR\\")) {
            cdrom |= cid.startsWith("USBSTOR\\CDROM");
            inquiry = inquiry(PowerShell.text(c, "PNPDeviceID"));
          }
          HidCapabilities hc = capsByInstance.get(cid);
          if (hc != null) {
            merged = merged == null ? hc : WindowsRawInput.merge(merged, hc);
          }
        }
        caps.add(cls[0] == 3 ? merged : null);
      }
      String product = PowerShell.text(dev, "BusReportedDeviceDesc");
      out.add(new UsbDevice(vid, pid, manufacturer(dev), product.isEmpty() ? PowerShell.text(dev, "Name") : product,
          serialOf(id), "", UsbFunctions.derive(ifaces, caps, cdrom), ifaces, 0, id, inquiry));
    }
    return out;
  }

  private static String upper(String s) {
    return s.toUpperCase(Locale.ROOT);
  }

  /** The instance part after the last backslash; Windows makes one up ("5&2a3b4c&0&2") when there is no serial. */
  static String serialOf(String pnpId) {
    String last = pnpId.substring(pnpId.lastIndexOf('\\') + 1);
    return last.contains("&") ? "" : last;
  }

  /** "USBSTOR\CdRom&Ven_PiKVM&Prod_Optical_Drive&Rev_0510\..." → "PiKVM Optical Drive". */
  static String inquiry(String usbstorId) {
    String ven = "";
    String prod = "";
    for (String part : usbstorId.split("[&\\\\]")) {
      if (part.regionMatches(true, 0, "Ven_", 0, 4)) {
        ven = part.substring(4).replace('_', ' ');
      } else if (part.regionMatches(true, 0, "Prod_", 0, 5)) {
        prod = part.substring(5).replace('_', ' ');
      }
    }
    return (ven + " " + prod).trim();
  }

  private static int[] interfaceClass(JsonNode e) {
    for (JsonNode id : e.path("CompatibleID")) {
      Matcher m = CLASS.matcher(id.asText(""));
      if (m.find()) {
        return new int[] {Parse.hexToInt(m.group(1), 0), Parse.hexToInt(m.group(2), 0), Parse.hexToInt(m.group(3), 0)};
      }
    }
    return new int[] {0xFF, 0, 0};
  }

  /** The INF's manufacturer is "(Standard USB Host Controller)" for generic drivers: that says nothing. */
  private static String manufacturer(JsonNode e) {
    String m = PowerShell.text(e, "Manufacturer");
    return m.startsWith("(") ? "" : m;
  }
}
