package io.telltale.agent.probe;

import static java.util.Objects.requireNonNull;

/** Identity and OS of the device. Empty strings and 0 mean unknown. */
public record SystemFacts(
    OsFamily osFamily,
    String osVersion,
    String osBuild,
    String hostname,
    String hardwareSerial,
    String hardwareVendor,
    String hardwareModel,
    long uptimeSeconds,
    boolean virtualMachine) {

  public SystemFacts {
    requireNonNull(osFamily, "osFamily");
    requireNonNull(osVersion, "osVersion");
    requireNonNull(osBuild, "osBuild");
    requireNonNull(hostname, "hostname");
    requireNonNull(hardwareSerial, "hardwareSerial");
    requireNonNull(hardwareVendor, "hardwareVendor");
    requireNonNull(hardwareModel, "hardwareModel");
  }
}
