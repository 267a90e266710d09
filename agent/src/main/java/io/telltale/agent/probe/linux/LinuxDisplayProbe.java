package io.telltale.agent.probe.linux;

import io.telltale.agent.probe.Failures;
import io.telltale.agent.probe.HardwareFacts.Display;
import io.telltale.agent.probe.HostRoot;
import io.telltale.agent.probe.ProbeException;
import io.telltale.agent.probe.common.AbstractProbe;
import io.telltale.agent.probe.common.DisplayFactory;
import io.telltale.agent.probe.common.Edid;
import io.telltale.agent.probe.common.EdidDecoder;
import io.telltale.agent.probe.common.Parse;
import java.util.ArrayList;
import java.util.List;

/**
 * Connected displays from {@code /sys/class/drm/card*-*}: {@code status}, {@code enabled}, {@code edid} and
 * {@code modes}. Sysfs does not expose the mode currently scanned out, so the current mode is left unknown
 * (0) and the EDID's preferred mode is reported; connector names tell the internal panel (eDP, LVDS, DSI)
 * from external links.
 */
final class LinuxDisplayProbe extends AbstractProbe<List<Display>> {

  private static final String DRM = "/sys/class/drm";

  private final HostRoot root;

  LinuxDisplayProbe(HostRoot root) {
    super("hardware.displays");
    this.root = root;
  }

  @Override
  protected List<Display> collect(Failures failures) throws ProbeException {
    List<Display> out = new ArrayList<>();
    for (String entry : root.list(DRM)) {
      int dash = entry.indexOf('-');
      if (!entry.startsWith("card") || dash < 0) {
        continue;
      }
      String dir = DRM + "/" + entry;
      if (!root.readOr(dir + "/status", "").equals("connected")) {
        continue;
      }
      String connector = entry.substring(dash + 1);
      byte[] raw = new byte[0];
      try {
        raw = root.readBytes(dir + "/edid");
      } catch (ProbeException e) {
        failures.add(name(), e.getMessage() == null ? "edid unreadable" : e.getMessage());
      }
      Edid edid = EdidDecoder.decode(raw).orElse(null);
      out.add(DisplayFactory.of(isInternal(connector), root.readOr(dir + "/enabled", "").equals("enabled"),
          connector, edid, 0, 0, 0));
    }
    return out;
  }

  static boolean isInternal(String connector) {
    return connector.startsWith("eDP") || connector.startsWith("LVDS") || connector.startsWith("DSI");
  }

  /** First line of a DRM {@code modes} file as {width, height}; {0, 0} when absent. */
  static int[] firstMode(String modes) {
    String first = modes.lines().findFirst().orElse("");
    int x = first.indexOf('x');
    return x < 0 ? new int[] {0, 0}
        : new int[] {Parse.toInt(first.substring(0, x), 0), Parse.toInt(first.substring(x + 1), 0)};
  }
}
