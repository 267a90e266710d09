package io.telltale.collector.detect.catalogue;

import static java.util.Objects.requireNonNull;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An EDID identity. Null / empty fields match anything.
 *
 * @param kind kvm-default, clone-preset, capture or example
 */
public record EdidSignature(
    String manufacturer,
    @Nullable Integer productCode,
    @Nullable Long serialNumber,
    String serialString,
    String monitorName,
    String kind,
    String device,
    String origin) {

  public static final Set<String> KINDS = Set.of("kvm-default", "clone-preset", "capture", "example");

  public EdidSignature {
    requireNonNull(manufacturer, "manufacturer");
    requireNonNull(serialString, "serialString");
    requireNonNull(monitorName, "monitorName");
    requireNonNull(kind, "kind");
    requireNonNull(device, "device");
    requireNonNull(origin, "origin");
  }

  public boolean matches(String mfr, int product, long serial, String serialText) {
    return manufacturer.equalsIgnoreCase(mfr)
        && (productCode == null || productCode == product)
        && (serialNumber == null || serialNumber == serial)
        && (serialString.isEmpty() || serialString.equalsIgnoreCase(serialText.trim()));
  }
}
