package io.telltale.agent.probe.windows;

import com.fasterxml.jackson.databind.JsonNode;
import io.telltale.agent.probe.Failures;
import io.telltale.agent.probe.HardwareFacts.Display;
import io.telltale.agent.probe.ProbeException;
import io.telltale.agent.probe.common.AbstractProbe;
import io.telltale.agent.probe.common.DisplayFactory;
import io.telltale.agent.probe.common.Edid;
import io.telltale.agent.probe.common.EdidDecoder;
import java.util.ArrayList;
import java.util.List;

/**
 * Present monitors from {@code root\wmi WmiMonitorID} (character-code arrays), each with its raw EDID from
 * {@code HKLM\SYSTEM\CurrentControlSet\Enum\DISPLAY\<id>\<instance>\Device Parameters\EDID} and its link from
 * {@code WmiMonitorConnectionParams.VideoOutputTechnology} (0x80000000 = internal panel). The current mode is
 * not read (EnumDisplaySettings needs the user's session); it stays unknown.
 */
final class WindowsDisplayProbe extends AbstractProbe<List<Display>> {

  static final String SCRIPT = "$c=@{}; Get-CimInstance -Namespace root\\wmi -ClassName WmiMonitorConnectionParams "
      + "-ErrorAction SilentlyContinue | ForEach-Object { $c[$_.InstanceName]=$_.VideoOutputTechnology }; "
      + "Get-CimInstance -Namespace root\\wmi -ClassName WmiMonitorID | ForEach-Object { $p='HKLM:\\SYSTEM\\"
      + "CurrentControlSet\\Enum\\'+($_.InstanceName -replace '_0$','')+'\\Device Parameters'; "
      + "$_ | Select-Object Active,InstanceName,ManufacturerName,ProductCodeID,SerialNumberID,UserFriendlyName,"
      + "WeekOfManufacture,YearOfManufacture,@{n='VideoOutputTechnology';e={$c[$_.InstanceName]}},"
      + "@{n='EDID';e={(Get-ItemProperty -Path $p -Name EDID -ErrorAction SilentlyContinue).EDID}} } "
      + "| ConvertTo-Json -Depth 3";
  private static final long INTERNAL = 0x80000000L;

  WindowsDisplayProbe() {
    super("hardware.displays");
  }

  @Override
  protected List<Display> collect(Failures failures) throws ProbeException {
    return parse(PowerShell.run(SCRIPT));
  }

  static List<Display> parse(String json) throws ProbeException {
    List<Display> out = new ArrayList<>();
    for (JsonNode m : PowerShell.array(json)) {
      String instance = PowerShell.text(m, "InstanceName");
      long tech = m.path("VideoOutputTechnology").asLong(-1);
      boolean internal = tech == INTERNAL || tech == 11 || tech == 6; // internal, embedded DisplayPort, LVDS
      boolean active = m.path("Active").asBoolean(true);
      String connector = instance.replaceFirst("_0$", "");
      Edid edid = EdidDecoder.decode(bytes(m.path("EDID"))).orElse(null);
      if (edid != null) {
        out.add(DisplayFactory.of(internal, active, connector, edid, 0, 0, 0));
      } else {
        String product = chars(m.path("ProductCodeID"));
        out.add(new Display(internal, active, connector, chars(m.path("ManufacturerName")),
            io.telltale.agent.probe.common.Parse.hexToInt(product, 0), 0, chars(m.path("UserFriendlyName")),
            chars(m.path("SerialNumberID")), 0, 0, 0, 0, 0, m.path("WeekOfManufacture").asInt(0),
            m.path("YearOfManufacture").asInt(0), 0, 0, 0, ""));
      }
    }
    return out;
  }

  /** WMI's zero-padded UInt16 character codes → text. */
  static String chars(JsonNode array) {
    StringBuilder sb = new StringBuilder();
    for (JsonNode c : array) {
      int v = c.asInt(0);
      if (v == 0) {
        break;
      }
      sb.append((char) v);
    }
    return sb.toString().trim();
  }

  private static byte[] bytes(JsonNode array) {
    byte[] b = new byte[array.size()];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) array.get(i).asInt(0);
    }
    return b;
  }
}
