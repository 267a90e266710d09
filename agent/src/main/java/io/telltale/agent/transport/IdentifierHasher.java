package io.telltale.agent.transport;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Turns network identifiers (SSID, BSSID, gateway, neighbour and interface MACs) into what the wire carries:
 * {@code "hmac:" + 32 lower-case hex digits} (HMAC-SHA256 under the fleet key, truncated to 128 bits) in
 * HASHED mode, or the value itself in PLAIN mode. MAC-shaped values are normalised to lower-case colon form
 * first, so the same MAC hashes the same whatever OS printed it ("AA-BB-CC-DD-EE-FF", "aa:bb:cc:dd:ee:ff",
 * "aabb.ccdd.eeff"). Empty input stays empty ("unknown" on the wire). Thread-safe; never blocks.
 */
public final class IdentifierHasher {

  /** Prefix of hashed values on the wire. */
  public static final String PREFIX = "hmac:";

  private static final int KEY_BYTES = 32;
  // 128 bits are plenty to tell networks apart and keep the wire value short.
  private static final int HASH_BYTES = 16;
  private static final Pattern HEX12 = Pattern.compile("[0-9a-f]{12}");
  private static final HexFormat HEX = HexFormat.of();

  private final byte @Nullable [] key;

  private IdentifierHasher(byte @Nullable [] key) {
    this.key = key;
  }

  /** HASHED mode under a 32-byte fleet key (copied). */
  public static IdentifierHasher hashed(byte[] key32) {
    requireNonNull(key32, "key32");
    if (key32.length != KEY_BYTES) {
      throw new IllegalArgumentException("key32: " + key32.length + " bytes (expected: " + KEY_BYTES + ")");
    }
    return new IdentifierHasher(key32.clone());
  }

  /** PLAIN mode: values are sent as observed (MACs still normalised). */
  public static IdentifierHasher plain() {
    return new IdentifierHasher(null);
  }

  /** True in HASHED mode. */
  public boolean isHashed() {
    return key != null;
  }

  /** The wire form of a network identifier; "" stays "". */
  public String network(String value) {
    requireNonNull(value, "value");
    if (value.isEmpty()) {
      return "";
    }
    String normalised = normaliseMac(value);
    String input = normalised.isEmpty() ? value : normalised;
    if (key == null) {
      return input;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] digest = mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
      return PREFIX + HEX.formatHex(digest, 0, HASH_BYTES);
    } catch (GeneralSecurityException e) {
      // HmacSHA256 is mandatory in every Java SE runtime; reaching this is a broken JRE.
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** The OUI ("aa:bb:cc") of a MAC in any common notation; "" when the value is not a MAC. */
  public static String oui(String mac) {
    String normalised = normaliseMac(mac);
    return normalised.isEmpty() ? "" : normalised.substring(0, 8);
  }

  /**
   * Lower-case colon form ("aa:bb:cc:dd:ee:ff") of a MAC written with colons, dashes, dots or nothing
   * between digits (single-digit octets such as macOS's "a:b:c:d:e:f" are zero-padded); "" when the value is
   * not a 48-bit MAC.
   */
  public static String normaliseMac(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    String[] parts = v.split("[:\\-]", -1);
    String hex;
    if (parts.length == 6) {
      StringBuilder sb = new StringBuilder(12);
      for (String p : parts) {
        if (p.isEmpty() || p.length() > 2) {
          return "";
        }
        sb.append(p.length() == 1 ? "0" + p : p);
      }
      hex = sb.toString();
    } else {
      hex = v.replace(".", "");
    }
    if (!HEX12.matcher(hex).matches()) {
      return "";
    }
    StringBuilder out = new StringBuilder(17);
    for (int i = 0; i < 12; i += 2) {
      if (i > 0) {
        out.append(':');
      }
      out.append(hex, i, i + 2);
    }
    return out.toString();
  }
}
