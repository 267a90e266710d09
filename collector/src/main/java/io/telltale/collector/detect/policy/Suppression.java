package io.telltale.collector.detect.policy;

import static java.util.Objects.requireNonNull;

import io.telltale.collector.detect.catalogue.NamePattern;
import java.time.Instant;
import java.util.List;

/**
 * Silences matching rules on matching devices until {@code until}; an expired suppression does nothing.
 * Empty device lists match every device.
 */
public record Suppression(
    NamePattern rule, List<String> hostnames, List<String> employees, List<String> deviceIds, Instant until,
    String reason, int line) {

  public Suppression {
    requireNonNull(rule, "rule");
    hostnames = List.copyOf(hostnames);
    employees = List.copyOf(employees);
    deviceIds = List.copyOf(deviceIds);
    requireNonNull(until, "until");
    requireNonNull(reason, "reason");
  }

  public boolean applies(String ruleId, String deviceId, String hostname, String employeeId, Instant now) {
    if (!now.isBefore(until) || !rule.matches(ruleId)) {
      return false;
    }
    boolean everyone = hostnames.isEmpty() && employees.isEmpty() && deviceIds.isEmpty();
    return everyone || hostnames.contains(hostname) || deviceIds.contains(deviceId)
        || (!employeeId.isEmpty() && employees.contains(employeeId));
  }
}
