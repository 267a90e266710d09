package io.telltale.collector.pki;

import static java.util.Objects.requireNonNull;

import io.telltale.collector.internal.Clock;
import io.telltale.collector.store.IssuedCertificate;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The collector's own CA: an EC P-256 key and a self-signed certificate kept in a directory (key file mode
 * 0600). It signs the server's TLS certificate and every device's client certificate. Thread-safe.
 */
public final class CertificateAuthority {

  private static final Logger logger = LoggerFactory.getLogger(CertificateAuthority.class);
  static final String KEY_FILE = "ca.key";
  static final String CERT_FILE = "ca.crt";
  private static final Duration CA_VALIDITY = Duration.ofDays(3650);
  private static final Duration SERVER_VALIDITY = Duration.ofDays(397);
  // Certificates are back-dated a little so a device whose clock runs slightly behind accepts them.
  private static final Duration BACKDATE = Duration.ofMinutes(10);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final PrivateKey key;
  private final X509Certificate certificate;
  private final Path certificateFile;
  private final Clock clock;

  private CertificateAuthority(PrivateKey key, X509Certificate certificate, Path certificateFile, Clock clock) {
    this.key = key;
    this.certificate = certificate;
    this.certificateFile = certificateFile;
    this.clock = clock;
  }

  /** Loads the CA from {@code dir}, creating it (and the directory) when absent. Returns whether it was created. */
  public static CertificateAuthority loadOrCreate(Path dir, Clock clock) throws IOException {
    requireNonNull(dir, "dir");
    Path keyFile = dir.resolve(KEY_FILE);
    Path certFile = dir.resolve(CERT_FILE);
    if (Files.exists(keyFile) && Files.exists(certFile)) {
      return new CertificateAuthority(Pem.readPrivate(keyFile), Pem.readCertificate(certFile), certFile, clock);
    }
    if (Files.exists(keyFile) || Files.exists(certFile)) {
      throw new IOException(dir + ": has only one of " + KEY_FILE + " and " + CERT_FILE + " (expected: both or neither)");
    }
    Files.createDirectories(dir);
    KeyPair pair = newKeyPair();
    Instant now = clock.now();
    X500Principal subject = new X500Principal("CN=Telltale collector CA " + now.getEpochSecond());
    try {
      X509v3CertificateBuilder b =
          new JcaX509v3CertificateBuilder(subject, serial(), Date.from(now.minus(BACKDATE)),
              Date.from(now.plus(CA_VALIDITY)), subject, pair.getPublic());
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
      b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pair.getPublic()));
      X509Certificate cert = sign(b, pair.getPrivate());
      Pem.writePrivate(keyFile, pair.getPrivate());
      Pem.writePublic(certFile, cert);
      logger.info("created a new collector CA in {}", dir);
      return new CertificateAuthority(pair.getPrivate(), cert, certFile, clock);
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot create the CA", e);
    }
  }

  public X509Certificate certificate() {
    return certificate;
  }

  /** Where the CA certificate is (agents' administrators may pin it). */
  public Path certificateFile() {
    return certificateFile;
  }

  /** SHA-256 fingerprint of the CA certificate, colon-separated hex. */
  public String fingerprint() {
    return Certificates.fingerprint(certificate);
  }

  /** Whether {@code cert} was signed by this CA's key and is within its validity at {@code now}. */
  public boolean issued(X509Certificate cert, Instant now) {
    try {
      cert.verify(certificate.getPublicKey());
      cert.checkValidity(Date.from(now));
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** A fresh server key and certificate valid for {@code names} (DNS names or IP literals). */
  public ServerIdentity issueServerIdentity(List<String> names) {
    KeyPair pair = newKeyPair();
    Instant now = clock.now();
    try {
      List<GeneralName> sans = new ArrayList<>();
      for (String n : names) {
        sans.add(isIpLiteral(n) ? new GeneralName(GeneralName.iPAddress, n) : new GeneralName(GeneralName.dNSName, n));
      }
      X509v3CertificateBuilder b =
          new JcaX509v3CertificateBuilder(certificate, serial(), Date.from(now.minus(BACKDATE)),
              Date.from(now.plus(SERVER_VALIDITY)), new X500Principal("CN=" + names.get(0)), pair.getPublic());
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
      b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans.toArray(GeneralName[]::new)));
      return new ServerIdentity(pair.getPrivate(), sign(b, key), certificate);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot issue the server certificate", e);
    }
  }

  /** Signs a client certificate for {@code deviceId} (the subject CN) over {@code publicKey}. */
  public X509Certificate issueClientCertificate(String deviceId, PublicKey publicKey, Duration validity) {
    Instant now = clock.now();
    try {
      X509v3CertificateBuilder b =
          new JcaX509v3CertificateBuilder(certificate, serial(), Date.from(now.minus(BACKDATE)),
              Date.from(now.plus(validity)), new X500Principal("CN=" + deviceId), publicKey);
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
      return sign(b, key);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot issue a client certificate", e);
    }
  }

  /** What the store records about an issued client certificate. */
  public static IssuedCertificate describe(String deviceId, X509Certificate cert) {
    return new IssuedCertificate(cert.getSerialNumber().toString(16), deviceId, cert.getNotBefore().toInstant(),
        cert.getNotAfter().toInstant(), Certificates.sha256Hex(cert));
  }

  private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey signer) throws GeneralSecurityException {
    try {
      return new JcaX509CertificateConverter()
          .getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer)));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException(e);
    }
  }

  static KeyPair newKeyPair() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("EC P-256 not available", e);
    }
  }

  private static BigInteger serial() {
    return new BigInteger(127, RANDOM).add(BigInteger.ONE);
  }

  private static boolean isIpLiteral(String s) {
    if (!s.matches("[0-9.]+") && !s.contains(":")) {
      return false;
    }
    try {
      InetAddress.getByName(s); // a literal: no lookup happens
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The server's TLS key, its certificate and the CA certificate that issued it. */
  public record ServerIdentity(PrivateKey key, X509Certificate certificate, X509Certificate ca) {}
}
