package io.telltale.collector.detect.geo;

import java.util.Optional;

/**
 * A source of IP intelligence. Implementations are thread-safe and answer from memory (no I/O per
 * lookup); a source that cannot classify an address returns empty.
 */
@FunctionalInterface
public interface IpIntel {

  Optional<IpInfo> lookup(String ip);

  /** Knows nothing. */
  static IpIntel none() {
    return ip -> Optional.empty();
  }
}
