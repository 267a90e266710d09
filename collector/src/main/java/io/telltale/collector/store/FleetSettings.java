package io.telltale.collector.store;

import java.time.Instant;
import java.util.function.Supplier;

/** Fleet-wide values shared by every collector on the same database. Blocking calls; thread-safe. */
public interface FleetSettings {

  /**
   * The fleet identifier key (HMAC key agents hash network identifiers with). The first caller's
   * {@code generator} value is stored; every later call, on any collector, returns that same value.
   */
  byte[] identifierKey(Supplier<byte[]> generator);

  /**
   * The version of the agent configuration whose canonical text is {@code fingerprint}: the current
   * version when unchanged, otherwise a new version one higher than the highest so far.
   */
  long agentConfigVersion(String fingerprint, Instant now);
}
