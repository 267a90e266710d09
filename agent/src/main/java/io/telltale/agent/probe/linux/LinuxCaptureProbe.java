package io.telltale.agent.probe.linux;

import io.telltale.agent.probe.Failures;
import io.telltale.agent.probe.HardwareFacts.CaptureDevice;
import io.telltale.agent.probe.HostRoot;
import io.telltale.agent.probe.ProbeException;
import io.telltale.agent.probe.common.AbstractProbe;
import io.telltale.agent.probe.common.Parse;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Video capture devices from {@code /sys/class/video4linux/video*}: the {@code name}, and USB ids from the
 * USB device that the {@code device} link's interface ({@code 2-3:1.0}) belongs to. A UVC device registers a
 * metadata node too; duplicates are folded.
 */
final class LinuxCaptureProbe extends AbstractProbe<List<CaptureDevice>> {

  private static final String V4L = "/sys/class/video4linux";

  private final HostRoot root;

  LinuxCaptureProbe(HostRoot root) {
    super("hardware.capture_devices");
    this.root = root;
  }

  @Override
  protected List<CaptureDevice> collect(Failures failures) throws ProbeException {
    if (!root.exists(V4L)) {
      return List.of(); // no V4L2 core loaded: no capture devices
    }
    Set<CaptureDevice> out = new LinkedHashSet<>();
    for (String node : root.list(V4L)) {
      String dir = V4L + "/" + node;
      String itf = LinuxUsbProbe.baseName(root.readLink(dir + "/device"));
      String vid = "";
      String pid = "";
      int colon = itf.indexOf(':');
      if (colon > 0) {
        String usb = LinuxUsbProbe.DEVICES + "/" + itf.substring(0, colon);
        vid = Parse.hex4(root.readOr(usb + "/idVendor", ""));
        pid = Parse.hex4(root.readOr(usb + "/idProduct", ""));
      }
      out.add(new CaptureDevice(root.readOr(dir + "/name", node), vid, pid));
    }
    return List.copyOf(out);
  }
}
