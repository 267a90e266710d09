package io.telltale.agent.probe.common;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A decoded EDID base block. Numbers are 0 and strings "" when the EDID does not give them.
 *
 * @param manufacturerId PNP id, three upper-case letters ("LNX")
 * @param productCode bytes 10-11, little-endian
 * @param serialNumber bytes 12-15, little-endian, unsigned 32-bit
 * @param preferredRefreshMillihz refresh of the first detailed timing, in millihertz
 * @param extensionsDeclared byte 126: extension blocks the base block announces
 * @param extensionsPresent extension blocks actually present in the bytes
 * @param faults what is wrong with the blob ("block 0 checksum", "1 extension block(s) declared, 0 present"),
 *     empty when it is well-formed; ids are still extracted when it is not
 * @param sha256 SHA-256 of all the bytes as given, 64 lower-case hex digits
 */
public record Edid(
    String manufacturerId,
    int productCode,
    long serialNumber,
    int manufactureWeek,
    int manufactureYear,
    String version,
    int widthCm,
    int heightCm,
    String monitorName,
    String serialString,
    int preferredWidthPx,
    int preferredHeightPx,
    int preferredRefreshMillihz,
    int extensionsDeclared,
    int extensionsPresent,
    List<String> faults,
    String sha256) {

  public Edid {
    requireNonNull(manufacturerId, "manufacturerId");
    requireNonNull(version, "version");
    requireNonNull(monitorName, "monitorName");
    requireNonNull(serialString, "serialString");
    faults = List.copyOf(faults);
    requireNonNull(sha256, "sha256");
  }
}
