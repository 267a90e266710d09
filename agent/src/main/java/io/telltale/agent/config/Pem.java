package io.telltale.agent.config;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
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
}
