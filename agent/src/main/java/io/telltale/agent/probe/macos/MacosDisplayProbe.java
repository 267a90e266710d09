package io.telltale.agent.probe.macos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.telltale.agent.probe.Failures;
import io.telltale.agent.probe.HardwareFacts.Display;
import io.telltale.agent.probe.ProbeException;
import io.telltale.agent.probe.common.AbstractProbe;
import io.telltale.agent.probe.common.Command;
import io.telltale.agent.probe.common.DisplayFactory;
import io.telltale.agent.probe.common.Edid;
import io.telltale.agent.probe.common.EdidDecoder;
import io.telltale.agent.probe.common.Parse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Displays from {@code system_profiler SPDisplaysDataType -json} (ids, current mode and refresh, built-in or
 * not), completed with the raw EDID of {@code ioreg -lw0 -r -c IODisplayConnect} ({@code IODisplayEDID}, Intel
 * Macs) matched by vendor and product id, which adds the serial string, size and preferred mode. Apple
 * silicon keeps EDIDs elsewhere; there only the system_profiler facts are reported (untested on hardware).
 */
final class MacosDisplayProbe extends AbstractProbe<List<Display>> {

  private static final Pattern MODE = Pattern.compile("(\\d+) x (\\d+)(?: @ ([\\d.]+) ?Hz)?");
  private static final ObjectMapper JSON = new ObjectMapper();

  MacosDisplayProbe() {
    super("hardware.displays");
  }

  @Override
  protected List<Display> collect(Failures failures) throws ProbeException {
    String sp = Command.run("system_profiler", "SPDisplaysDataType", "-json");
    String ioreg = part("edid", failures, () -> Command.run("ioreg", "-lw0", "-r", "-c", "IODisplayConnect"));
    return parse(sp, ioreg == null ? "" : ioreg);
  }

  static List<Display> parse(String systemProfilerJson, String ioregText) throws ProbeException {
    List<Edid> edids = new ArrayList<>();
    for (Ioreg.Node n : Ioreg.parse(ioregText)) {
      EdidDecoder.decode(n.data("IODisplayEDID")).ifPresent(edids::add);
    }
    JsonNode root;
    try {
      root = JSON.readTree(systemProfilerJson);
    } catch (IOException e) {
      throw new ProbeException("unreadable system_profiler output", e);
    }
    List<Display> out = new ArrayList<>();
    for (JsonNode gpu : root.path("SPDisplaysDataType")) {
      for (JsonNode d : gpu.path("spdisplays_ndrvs")) {
        int vendor = Parse.hexToInt(d.path("_spdisplays_display-vendor-id").asText(""), -1);
        int product = Parse.hexToInt(d.path("_spdisplays_display-product-id").asText(""), 0);
        String pnp = vendor < 0 ? "" : pnpId(vendor);
        int[] mode = mode(d.path("_spdisplays_resolution").asText(""));
        boolean internal = d.path("spdisplays_connection_type").asText("").equals("spdisplays_internal");
        boolean active = !d.path("spdisplays_online").asText("spdisplays_yes").equals("spdisplays_no");
        Edid edid = edids.stream().filter(e -> e.manufacturerId().equals(pnp) && e.productCode() == product)
            .findFirst().orElse(null);
        if (edid != null) {
          out.add(DisplayFactory.of(internal, active, d.path("_name").asText(""), edid, mode[0], mode[1], mode[2]));
        } else {
          long serial = Parse.hexToLong(d.path("_spdisplays_display-serial-number").asText(""), 0);
          out.add(new Display(internal, active, d.path("_name").asText(""), pnp, product, serial,
              d.path("_name").asText(""), "", mode[0], mode[1], mode[2], 0, 0,
              Parse.toInt(d.path("_spdisplays_display-week").asText(""), 0),
              Parse.toInt(d.path("_spdisplays_display-year").asText(""), 0), 0, 0, 0, ""));
        }
      }
    }
    return out;
  }

  /** Apple prints the EDID manufacturer id as a hex number ("31d8"); as letters that is "LNX". */
  static String pnpId(int v) {
    char a = (char) ('A' - 1 + ((v >> 10) & 0x1F));
    char b = (char) ('A' - 1 + ((v >> 5) & 0x1F));
    char c = (char) ('A' - 1 + (v & 0x1F));
    return a >= 'A' && a <= 'Z' && b >= 'A' && b <= 'Z' && c >= 'A' && c <= 'Z' ? "" + a + b + c : "";
  }

  /** "1920 x 1080 @ 50.00Hz" → {1920, 1080, 50000}. */
  static int[] mode(String text) {
    Matcher m = MODE.matcher(text);
    if (!m.find()) {
      return new int[] {0, 0, 0};
    }
    return new int[] {Parse.toInt(m.group(1), 0), Parse.toInt(m.group(2), 0),
        m.group(3) == null ? 0 : (int) Math.round(Parse.toDouble(m.group(3), 0) * 1000)};
  }
}
