package io.telltale.collector.review.auth;

import io.telltale.collector.internal.Preconditions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashing (BouncyCastle), stored in the PHC string format
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} so the parameters travel with each hash and can be
 * raised later without invalidating old passwords.
 *
 * <p>Parameters: m = 19 MiB, t = 2 passes, p = 1 lane, 16-byte random salt, 32-byte output. This is the
 * OWASP Password Storage Cheat Sheet's first Argon2id configuration: about 30-60 ms per hash on one core
 * here, which is slow for an attacker with a stolen database and quick enough for a login. Thread-safe;
 * {@link #hash} and {@link #verify} block the calling thread for that long and allocate the memory cost.
 */
public final class PasswordHasher {

  /** Memory cost in KiB (19 MiB). */
  public static final int MEMORY_KIB = 19 * 1024;
  /** Passes over memory. */
  public static final int ITERATIONS = 2;
  /** Lanes; 1 because the collector shares two cores with ingest. */
  public static final int PARALLELISM = 1;
  /** Shortest password accepted when setting one. */
  public static final int MIN_PASSWORD_LENGTH = 12;

  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final Pattern PHC =
      Pattern.compile("\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

  /** Hashes {@code password} with a fresh salt. */
  public String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    byte[] out = derive(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
    return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM + "$" + B64.encodeToString(salt)
        + "$" + B64.encodeToString(out);
  }

  /** Whether {@code password} matches {@code encoded}; false (never an exception) for a malformed hash. */
  public boolean verify(String password, String encoded) {
    Matcher m = PHC.matcher(encoded);
    if (!m.matches()) {
      return false;
    }
    byte[] salt = Base64.getDecoder().decode(m.group(4));
    byte[] expected = Base64.getDecoder().decode(m.group(5));
    byte[] actual = derive(password, salt, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
        Integer.parseInt(m.group(3)), expected.length);
    return MessageDigest.isEqual(expected, actual);
  }

  /** Throws {@link IllegalArgumentException} when {@code password} is too weak to set. */
  public static void checkStrength(String password) {
    Preconditions.checkArgument(password.length() >= MIN_PASSWORD_LENGTH,
        "password: %s characters (expected: at least %s)", password.length(), MIN_PASSWORD_LENGTH);
  }

  private static byte[] derive(String password, byte[] salt, int memoryKib, int iterations, int lanes, int length) {
    Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withMemoryAsKB(memoryKib)
        .withIterations(iterations)
        .withParallelism(lanes)
        .withSalt(salt)
        .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(params);
    byte[] out = new byte[length];
    generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
    return out;
  }
}
