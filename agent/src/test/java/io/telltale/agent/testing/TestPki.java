package io.telltale.agent.testing;

import io.telltale.agent.config.Pem;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

/** A throw-away certificate authority made per test run: a CA, a loopback server certificate, CSR signing. */
public final class TestPki {

  private final KeyPair caKey;
  private final X509Certificate ca;
  private final KeyPair serverKey;
  private final X509Certificate server;
  private final AtomicLong serial = new AtomicLong(System.nanoTime());

  public TestPki() {
    try {
      caKey = newKey();
      X500Name caName = new X500Name("CN=Telltale Test CA " + System.nanoTime());
      X509v3CertificateBuilder cb = new JcaX509v3CertificateBuilder(caName, next(), Date.from(Instant.now().minusSeconds(60)),
          Date.from(Instant.now().plus(Duration.ofDays(30))), caName, caKey.getPublic())
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      ca = sign(cb);
      serverKey = newKey();
      X509v3CertificateBuilder sb = new JcaX509v3CertificateBuilder(caName, next(), Date.from(Instant.now().minusSeconds(60)),
          Date.from(Instant.now().plus(Duration.ofDays(30))), new X500Name("CN=localhost"), serverKey.getPublic())
          .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
              new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
      server = sign(sb);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private BigInteger next() {
    return BigInteger.valueOf(serial.incrementAndGet());
  }

  private static KeyPair newKey() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }

  private X509Certificate sign(X509v3CertificateBuilder b) throws Exception {
    return new JcaX509CertificateConverter().getCertificate(
        b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKey.getPrivate())));
  }

  /** Signs a CSR into a client certificate with CN = {@code deviceId}, valid for {@code validity}. */
  public X509Certificate signClient(byte[] csrDer, String deviceId, Duration validity) {
    try {
      JcaPKCS10CertificationRequest csr = new JcaPKCS10CertificationRequest(new PKCS10CertificationRequest(csrDer));
      X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
          new X500Name(ca.getSubjectX500Principal().getName()), next(), Date.from(Instant.now().minusSeconds(60)),
          Date.from(Instant.now().plus(validity)), new X500Name("CN=" + deviceId), csr.getPublicKey());
      return sign(b);
    } catch (Exception e) {
      throw new IllegalArgumentException("bad CSR", e);
    }
  }

  public X509Certificate ca() {
    return ca;
  }

  public String caPem() {
    return pem(ca);
  }

  public String serverCertPem() {
    return pem(server);
  }

  public String serverKeyPem() {
    return Pem.encode("PRIVATE KEY", serverKey.getPrivate().getEncoded());
  }

  public static String pem(X509Certificate c) {
    try {
      return Pem.encode("CERTIFICATE", c.getEncoded());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
