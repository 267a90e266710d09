package io.telltale.collector.pki;

import static java.util.Objects.requireNonNull;

import io.telltale.collector.internal.Clock;
import io.telltale.collector.internal.Preconditions;
import io.telltale.collector.store.EnrollmentToken;
import io.telltale.collector.store.TokenRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Creates enrollment tokens: 256 random bits, shown once, stored only as their SHA-256 (a fast hash is
 * enough for a secret with that much entropy; nothing to brute-force).
 */
public final class EnrollmentTokens {

  static final String PREFIX = "ttk_";
  private static final Pattern FORMAT = Pattern.compile("ttk_[A-Za-z0-9_-]{43}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final TokenRepository repository;
  private final Clock clock;

  public EnrollmentTokens(TokenRepository repository, Clock clock) {
    this.repository = requireNonNull(repository, "repository");
    this.clock = requireNonNull(clock, "clock");
  }

  /** A stored token and its secret text, which exists nowhere else: print it once. */
  public record Created(EnrollmentToken token, String secret) {}

  public Created create(Duration validity, int maxUses) {
    Preconditions.checkArgument(!validity.isNegative() && !validity.isZero(),
        "expires: %s (expected: > 0)", validity);
    Preconditions.checkArgument(maxUses >= 1, "max-uses: %s (expected: >= 1)", maxUses);
    byte[] secretBytes = new byte[32];
    RANDOM.nextBytes(secretBytes);
    String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
    byte[] idBytes = new byte[5];
    RANDOM.nextBytes(idBytes);
    var now = clock.now();
    EnrollmentToken token =
        new EnrollmentToken(HexFormat.of().formatHex(idBytes), hash(secret), now, now.plus(validity), maxUses, 0, null);
    repository.create(token);
    return new Created(token, secret);
  }

  /** Throws {@link IllegalArgumentException} naming the problem (never echoing the token) when malformed. */
  public static void checkFormat(String token) {
    if (token.isEmpty()) {
      throw new IllegalArgumentException("token: empty (expected: the token printed by `token create`)");
    }
    if (!FORMAT.matcher(token).matches()) {
      throw new IllegalArgumentException(
          "token: malformed, " + token.length() + " characters (expected: \"ttk_\" and 43 base64url characters)");
    }
  }

  /** Hex SHA-256 of the token text. */
  public static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
