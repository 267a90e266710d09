package io.telltale.collector.store;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * An HR roster entry and the laptops assigned to the employee.
 *
 * @param country ISO 3166-1 alpha-2, "" = unknown
 * @param timezone IANA zone id, "" = unknown
 * @param serials hardware serial numbers of the employee's laptops
 * @param hostnames host names of the employee's laptops (when serials are not known)
 * @param groups roster groups, e.g. "it-support" (for policy allowlists)
 */
public record RosterEmployee(
    String id,
    String name,
    String email,
    String country,
    String region,
    String timezone,
    List<String> serials,
    List<String> hostnames,
    List<String> groups) {

  public RosterEmployee {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    requireNonNull(email, "email");
    requireNonNull(country, "country");
    requireNonNull(region, "region");
    requireNonNull(timezone, "timezone");
    serials = List.copyOf(serials);
    hostnames = List.copyOf(hostnames);
    groups = List.copyOf(groups);
  }
}
