package io.telltale.collector.review;

import io.telltale.collector.store.RosterEmployee;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Looks up a laptop's employee by hardware serial, else by host name (both case-insensitive). Immutable. */
final class RosterIndex {

  private final Map<String, RosterEmployee> bySerial = new HashMap<>();
  private final Map<String, RosterEmployee> byHostname = new HashMap<>();

  RosterIndex(List<RosterEmployee> roster) {
    for (RosterEmployee e : roster) {
      e.serials().forEach(s -> bySerial.put(norm(s), e));
      e.hostnames().forEach(h -> byHostname.put(norm(h), e));
    }
  }

  Optional<RosterEmployee> find(String serial, String hostname) {
    RosterEmployee e = serial.isBlank() ? null : bySerial.get(norm(serial));
    if (e == null && !hostname.isBlank()) {
      e = byHostname.get(norm(hostname));
    }
    return Optional.ofNullable(e);
  }

  private static String norm(String s) {
    return s.trim().toLowerCase(Locale.ROOT);
  }
}
