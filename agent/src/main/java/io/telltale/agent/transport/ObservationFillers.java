package io.telltale.agent.transport;

import io.telltale.agent.config.RemoteConfig.PrivacyMode;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The production {@link SectionFiller.Factory}: {@link ObservationMapper} with the fleet's {@link IdentifierHasher}. */
public final class ObservationFillers {

  private static final Logger logger = LoggerFactory.getLogger(ObservationFillers.class);

  private ObservationFillers() {}

  public static SectionFiller.Factory factory() {
    return (mode, key) -> {
      IdentifierHasher hasher = mode == PrivacyMode.PLAIN ? IdentifierHasher.plain() : IdentifierHasher.hashed(keyOrRandom(key));
      MemoizedSections memo = new MemoizedSections(); // one filler per device and key: safe to remember
      return (b, obs, activity) -> ObservationMapper.fill(b, obs, activity, hasher, memo);
    };
  }

  /**
   * Without a fleet key, hashes under a random key of this process: identifiers stay private, but cannot be
   * correlated across devices until the collector sends the key.
   */
  private static byte[] keyOrRandom(byte[] key) {
    if (key.length == 32) {
      return key;
    }
    logger.warn("no fleet identifier key (expected 32 bytes, have {}); hashing under a random local key", key.length);
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    return random;
  }
}
