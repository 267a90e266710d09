package io.telltale.collector.detect;

import io.telltale.collector.detect.catalogue.Catalogue;
import io.telltale.collector.detect.catalogue.EdidSignature;
import io.telltale.collector.detect.catalogue.NamePattern;
import io.telltale.collector.detect.catalogue.NetworkSignatures;
import io.telltale.collector.detect.catalogue.UsbSignature;
import io.telltale.collector.model.HardwareFacts;
import io.telltale.collector.model.HardwareFacts.UsbFunction;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * IP-KVM and capture hardware as the laptop sees it (INDICATORS sections 2-5): USB identities from the
 * catalogue, the spoof-resistant structure of a KVM gadget (one device that is keyboard or pointer plus
 * storage, CD-ROM or network; or keyboard plus absolute pointer), KVM drive strings, absolute pointers,
 * KVM and capture EDIDs and display tells. VM tablets, Wacom-style pen tablets and touchscreens are
 * excluded from the pointer and structure heuristics. Pure; thread-safe.
 */
final class KvmEvidence {

  private static final Set<UsbFunction> HID = EnumSet.of(
      UsbFunction.KEYBOARD, UsbFunction.MOUSE_ABSOLUTE, UsbFunction.MOUSE_RELATIVE);
  private static final Set<UsbFunction> EXTRAS = EnumSet.of(
      UsbFunction.MASS_STORAGE, UsbFunction.CDROM, UsbFunction.NETWORK);
  // Linux root hubs are excluded by the agent already; listed here too because a custom agent may not.
  private static final Set<String> ROOT_HUBS = Set.of("1d6b:0001", "1d6b:0002", "1d6b:0003");

  private final Catalogue catalogue;

  KvmEvidence(Catalogue catalogue) {
    this.catalogue = catalogue;
  }

  void hardware(HardwareFacts hw, List<Evidence> out) {
    for (HardwareFacts.UsbDevice u : hw.usbDevices()) {
      usb(u, out);
    }
    for (HardwareFacts.InputDevice d : hw.inputDevices()) {
      boolean usbOrBt = d.bus() == HardwareFacts.InputBus.USB || d.bus() == HardwareFacts.InputBus.BLUETOOTH;
      if (usbOrBt && d.pointer() == HardwareFacts.PointerMode.ABSOLUTE && !excluded(d.vendorId(), d.productId(), d.name())) {
        String id = d.vendorId() + ":" + d.productId();
        out.add(Evidence.of("kvm.abs_pointer", "input|" + id + "|" + d.name(),
            "absolute pointer " + d.name() + " (" + id + ")", "usb_id", id, "name", d.name(),
            "keyboard", Boolean.toString(d.keyboard())));
      }
    }
    for (HardwareFacts.CaptureDevice c : hw.captureDevices()) {
      UsbSignature sig = byIds(c.vendorId(), c.productId(), "capture");
      if (sig != null) {
        String id = c.vendorId() + ":" + c.productId();
        out.add(Evidence.of("capture.device", "capture|" + id, "capture device " + c.name() + " (" + id + ")",
            "usb_id", id, "name", c.name(), "device", sig.device(), "catalogue", sig.origin()));
      }
    }
    for (HardwareFacts.Display d : hw.displays()) {
      if (!d.internal()) {
        display(d, out);
      }
    }
  }

  private void usb(HardwareFacts.UsbDevice u, List<Evidence> out) {
    String id = u.vendorId() + ":" + u.productId();
    if (ROOT_HUBS.contains(id)) {
      return;
    }
    String strings = "'" + u.manufacturer() + "' / '" + u.product() + "'"
        + (u.serial().isEmpty() ? "" : " serial " + u.serial());
    String key = "usb|" + id + "|" + u.manufacturer() + "|" + u.product() + "|" + u.serial();
    String[] ids = {"usb_id", id, "manufacturer", u.manufacturer(), "product", u.product(), "serial", u.serial(),
        "functions", functions(u)};
    boolean excluded = excludedIds(u.vendorId(), u.productId());
    UsbSignature sig = excluded ? null : signature(u.vendorId(), u.productId(), u.manufacturer(), u.product(), u.serial());
    if (sig != null) {
      String signal = switch (sig.kind()) {
        case "ip-kvm" -> sig.confidence().equals("high") ? "kvm.usb_identity" : "kvm.usb_gadget";
        case "gadget" -> "kvm.usb_gadget";
        case "capture" -> "capture.device";
        case "jiggler" -> "jiggler.hardware";
        default -> "kvm.usb_gadget";
      };
      out.add(Evidence.of(signal, key, sig.device() + ": USB " + id + " " + strings,
          concat(ids, "device", sig.device(), "confidence", sig.confidence(), "catalogue", sig.origin())));
    }
    if (excluded) {
      return;
    }
    Set<UsbFunction> f = u.functions().isEmpty() ? EnumSet.noneOf(UsbFunction.class) : EnumSet.copyOf(u.functions());
    boolean hid = f.stream().anyMatch(HID::contains);
    boolean extras = f.stream().anyMatch(EXTRAS::contains);
    if (hid && extras) {
      out.add(Evidence.of("kvm.usb_structure", key,
          "one USB device " + id + " " + strings + " is " + functions(u) + " (HID plus storage or network)", ids));
    } else if (f.contains(UsbFunction.KEYBOARD) && f.contains(UsbFunction.MOUSE_ABSOLUTE)) {
      out.add(Evidence.of("kvm.abs_pointer", key,
          "USB device " + id + " " + strings + " is a keyboard with an absolute pointer", ids));
    } else if (f.contains(UsbFunction.MOUSE_ABSOLUTE)) {
      out.add(Evidence.of("kvm.abs_pointer", key, "absolute pointer USB " + id + " " + strings, ids));
    }
    if (!u.storageInquiry().isEmpty()) {
      for (NetworkSignatures.Named n : catalogue.network().storageInquiries()) {
        if (NamePattern.of(n.value()).matches(u.storageInquiry())) {
          out.add(Evidence.of("kvm.storage_inquiry", key, n.device() + ": virtual drive '" + u.storageInquiry()
              + "' on USB " + id, concat(ids, "inquiry", u.storageInquiry(), "catalogue", n.origin())));
        }
      }
    }
  }

  private void display(HardwareFacts.Display d, List<Evidence> out) {
    String ident = d.manufacturerId() + ":" + d.productCode() + ":" + d.serialNumber()
        + (d.serialString().isEmpty() ? "" : ":" + d.serialString());
    String[] ids = {"edid", ident, "manufacturer", d.manufacturerId(), "product_code", Integer.toString(d.productCode()),
        "serial_number", Long.toString(d.serialNumber()), "serial_string", d.serialString(),
        "monitor_name", d.monitorName(), "connector", d.connector()};
    String label = "'" + d.monitorName() + "' (" + d.manufacturerId() + " 0x"
        + Integer.toHexString(d.productCode()) + ", serial 0x" + Long.toHexString(d.serialNumber())
        + (d.serialString().isEmpty() ? "" : " / " + d.serialString()) + ")";
    for (EdidSignature e : catalogue.edids()) {
      if (e.matches(d.manufacturerId(), d.productCode(), d.serialNumber(), d.serialString())) {
        String signal = switch (e.kind()) {
          case "kvm-default" -> "kvm.edid_default";
          case "clone-preset" -> "kvm.edid_clone";
          case "capture" -> "kvm.edid_capture";
          default -> "kvm.display_tell";
        };
        out.add(Evidence.of(signal, "edid|" + ident, e.device() + ": display " + label,
            concat(ids, "device", e.device(), "catalogue", e.origin())));
        return;
      }
    }
    // Unlisted TC358743 bridges keep Toshiba's default serial whatever the product code (INDICATORS 4).
    if (d.manufacturerId().equals("TSB") && d.serialNumber() == 0x88888800L) {
      out.add(Evidence.of("kvm.edid_default", "edid|" + ident, "TC358743 HDMI bridge default serial: display " + label, ids));
      return;
    }
    boolean fps50 = d.refreshMillihz() >= 49_000 && d.refreshMillihz() <= 51_000 && d.widthPx() == 1920;
    if (fps50 || (d.manufacturerId().equals("LNX"))) {
      out.add(Evidence.of("kvm.display_tell", "edid|" + ident,
          (fps50 ? "external display at 1080p50 (PiKVM V1-V3 limit)" : "external display with Linux-generated EDID")
              + ": " + label, ids));
    }
  }

  private @Nullable UsbSignature signature(String vid, String pid, String mfr, String product, String serial) {
    UsbSignature best = null;
    for (UsbSignature s : catalogue.usb()) {
      if (s.matches(vid, pid, mfr, product, serial) && (best == null || rank(s) > rank(best))) {
        best = s;
      }
    }
    return best;
  }

  /** Prefers exclusions, then entries pinning strings, then higher confidence. */
  private static int rank(UsbSignature s) {
    int r = s.kind().equals("benign-exclude") ? 100 : 0;
    r += s.hasStrings() ? 10 : 0;
    r += switch (s.confidence()) {
      case "high" -> 3;
      case "medium" -> 2;
      default -> 1;
    };
    return r;
  }

  /** VM tablets, pen tablets, root hubs: matched on ids alone, whatever strings they carry. */
  private boolean excludedIds(String vid, String pid) {
    return byIds(vid, pid, "benign-exclude") != null;
  }

  private @Nullable UsbSignature byIds(String vid, String pid, String kind) {
    for (UsbSignature s : catalogue.usb()) {
      if (s.kind().equals(kind)
          && new UsbSignature(s.vendorId(), s.productId(), "", "", "", s.kind(), s.confidence(), "", "")
              .matches(vid, pid, "", "", "")) {
        return s;
      }
    }
    return null;
  }

  private boolean excluded(String vid, String pid, String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return excludedIds(vid, pid) || n.contains("touchscreen") || n.contains("touch screen")
        || n.contains("digitizer") || n.contains("pen") && n.contains("tablet");
  }

  private static String functions(HardwareFacts.UsbDevice u) {
    return String.join("+", u.functions().stream().map(f -> f.name().toLowerCase(Locale.ROOT)).toList());
  }

  static String[] concat(String[] a, String... b) {
    String[] out = new String[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
