package io.telltale.agent.config;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** PEM encoding of keys and certificates (the form gRPC's TLS credentials read). */
public final class Pem {

  private Pem() {}

  public static String encode(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  public static String certificates(List<byte[]> ders) {
    StringBuilder sb = new StringBuilder();
    ders.forEach(d -> sb.append(encode("CERTIFICATE", d)));
    return sb.toString();
  }

  /** Parses every certificate in a PEM text; throws IllegalArgumentException naming {@code what} when none. */
  public static List<X509Certificate> parseCertificates(String pem, String what) {
    try {
      CertificateFactory cf = CertificateFactory.getInstance("X.509");
      List<X509Certificate> out = new ArrayList<>();
      cf.generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
          .forEach(c -> out.add((X509Certificate) c));
      if (out.isEmpty()) {
        throw new IllegalArgumentException(what + ": no certificate (expected: PEM \"BEGIN CERTIFICATE\" blocks)");
      }
      return out;
    } catch (CertificateException e) {
      throw new IllegalArgumentException(what + ": not a PEM certificate (" + e.getMessage() + ")", e);
    }
  }

  /**
   * Parses a PKCS#8 PEM private key (EC, as the agent generates, or RSA); throws IllegalArgumentException
   * naming {@code what} and saying what is wrong.
   */
  public static PrivateKey parsePrivateKey(String pem, String what) {
    String begin = "-----BEGIN PRIVATE KEY-----";
    String end = "-----END PRIVATE KEY-----";
    int from = pem.indexOf(begin);
    int to = pem.indexOf(end);
    if (from < 0 || to < from) {
      throw new IllegalArgumentException(what + ": expected a PEM \"BEGIN PRIVATE KEY\" block (PKCS#8)");
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(what + ": the PEM block is not base64 (" + e.getMessage() + ")", e);
    }
    GeneralSecurityException last = null;
    for (String algorithm : new String[] {"EC", "RSA"}) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        last = e;
      }
    }
    throw new IllegalArgumentException(what + ": neither an EC nor an RSA PKCS#8 key (" + last.getMessage() + ")",
        last);
  }
}
