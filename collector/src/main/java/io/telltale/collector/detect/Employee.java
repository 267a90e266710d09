package io.telltale.collector.detect;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A roster entry: who a laptop is assigned to and where they declared they live and work.
 *
 * @param country ISO 3166-1 alpha-2
 * @param region subdivision, e.g. "AZ"; "" = not given
 * @param timezone IANA zone id
 * @param groups roster groups, e.g. "it-support" (for allowlists)
 */
public record Employee(
    String id, String name, String email, String country, String region, String timezone, List<String> groups) {

  public Employee {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    requireNonNull(email, "email");
    requireNonNull(country, "country");
    requireNonNull(region, "region");
    requireNonNull(timezone, "timezone");
    groups = List.copyOf(groups);
  }
}
