package io.telltale.collector.detect.catalogue;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Set;

/**
 * A USB identity: ids (product id may be "*" or a range "4000-401f") and optional strings ("" = any).
 *
 * @param kind ip-kvm, gadget, capture, jiggler or benign-exclude
 * @param confidence high, medium or low; a high ip-kvm entry is a vendor default string set
 */
public record UsbSignature(
    String vendorId,
    String productId,
    String manufacturer,
    String product,
    String serial,
    String kind,
    String confidence,
    String device,
    String origin) {

  public static final Set<String> KINDS = Set.of("ip-kvm", "gadget", "capture", "jiggler", "benign-exclude");
  public static final Set<String> CONFIDENCES = Set.of("high", "medium", "low");

  public UsbSignature {
    requireNonNull(vendorId, "vendorId");
    requireNonNull(productId, "productId");
    requireNonNull(manufacturer, "manufacturer");
    requireNonNull(product, "product");
    requireNonNull(serial, "serial");
    requireNonNull(kind, "kind");
    requireNonNull(confidence, "confidence");
    requireNonNull(device, "device");
    requireNonNull(origin, "origin");
  }

  /** Whether a device with these ids and strings matches this entry. */
  public boolean matches(String vid, String pid, String mfr, String prod, String ser) {
    if (!vendorId.equalsIgnoreCase(vid) || !productMatches(pid)) {
      return false;
    }
    return same(manufacturer, mfr) && same(product, prod) && same(serial, ser);
  }

  /** Whether the entry pins at least one string (not only ids). */
  public boolean hasStrings() {
    return !manufacturer.isEmpty() || !product.isEmpty() || !serial.isEmpty();
  }

  private boolean productMatches(String pid) {
    if (productId.equals("*")) {
      return true;
    }
    int dash = productId.indexOf('-');
    if (dash > 0) {
      try {
        int lo = Integer.parseInt(productId.substring(0, dash), 16);
        int hi = Integer.parseInt(productId.substring(dash + 1), 16);
        int v = Integer.parseInt(pid, 16);
        return v >= lo && v <= hi;
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return productId.equalsIgnoreCase(pid);
  }

  private static boolean same(String pattern, String value) {
    return pattern.isEmpty() || pattern.toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT).trim());
  }
}
