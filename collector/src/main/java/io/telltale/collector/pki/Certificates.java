package io.telltale.collector.pki;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import javax.security.auth.x500.X500Principal;
import org.jspecify.annotations.Nullable;

/** Small helpers over X.509 certificates: fingerprints and the subject CN. */
public final class Certificates {

  private Certificates() {}

  /** SHA-256 of the DER encoding, lower-case hex without separators. */
  public static String sha256Hex(X509Certificate cert) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** SHA-256 fingerprint in the colon-separated upper-case form browsers and openssl print. */
  public static String fingerprint(X509Certificate cert) {
    String hex = sha256Hex(cert).toUpperCase(java.util.Locale.ROOT);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < hex.length(); i += 2) {
      if (i > 0) {
        sb.append(':');
      }
      sb.append(hex, i, i + 2);
    }
    return sb.toString();
  }

  /** The subject's common name, or {@code null} when it has none. */
  public static @Nullable String commonName(X509Certificate cert) {
    String dn = cert.getSubjectX500Principal().getName(X500Principal.RFC2253);
    for (String part : dn.split(",")) {
      if (part.startsWith("CN=")) {
        return part.substring(3);
      }
    }
    return null;
  }
}
