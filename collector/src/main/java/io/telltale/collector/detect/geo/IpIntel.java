package io.telltale.collector.detect.geo;

import java.util.Optional;

/**
 * A source of IP intelligence. Implementations are thread-safe and answer from memory (no I/O per
 * lookup); a source that cannot classify an address returns empty.
 */
@FunctionalInterface
public interface IpIntel {

  /**
   * What is known about {@code ip}, an address in the collector's canonical form
   * ({@link io.telltale.collector.model.IpAddresses}); prefix sources match its bytes, so a prefix matches
   * however its file or configuration wrote it.
   */
  Optional<IpInfo> lookup(String ip);

  /** Knows nothing. */
  static IpIntel none() {
    return ip -> Optional.empty();
  }
}
