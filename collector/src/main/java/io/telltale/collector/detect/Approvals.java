package io.telltale.collector.detect;

import static java.util.Objects.requireNonNull;

import io.telltale.collector.detect.catalogue.NamePattern;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Remote-access families an organisation sanctioned, per roster group, employee or device. A family
 * approved for someone is reported as {@code remote.approved} and does not count as unsanctioned; its
 * sessions do not count as remote-session hours (they stay on record as evidence marked approved).
 */
public record Approvals(List<Entry> entries) {

  public Approvals {
    entries = List.copyOf(entries);
  }

  public static Approvals none() {
    return new Approvals(List.of());
  }

  public boolean approved(String family, @Nullable Employee employee, String hostname) {
    return approval(family, employee, hostname).isPresent();
  }

  /** The first entry that approves {@code family} for this employee or hostname; empty when none does. */
  public Optional<Entry> approval(String family, @Nullable Employee employee, String hostname) {
    for (Entry e : entries) {
      if (!e.family.matches(family)) {
        continue;
      }
      boolean everyone = e.groups.isEmpty() && e.employees.isEmpty() && e.hostnames.isEmpty();
      boolean byGroup = employee != null && employee.groups().stream().anyMatch(e.groups::contains);
      boolean byEmployee = employee != null && e.employees.contains(employee.id());
      if (everyone || byGroup || byEmployee || e.hostnames.contains(hostname)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /**
   * One approval: {@code family} (pattern) for these groups, employees and hostnames; all empty = fleet-wide.
   */
  public record Entry(NamePattern family, List<String> groups, List<String> employees, List<String> hostnames,
      String reason) {
    public Entry {
      requireNonNull(family, "family");
      groups = List.copyOf(groups);
      employees = List.copyOf(employees);
      hostnames = List.copyOf(hostnames);
      requireNonNull(reason, "reason");
    }
  }
}
