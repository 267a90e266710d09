package io.telltale.agent.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * A fresh EC P-256 key pair and its PKCS#10 certificate signing request. The subject is a placeholder: the
 * collector chooses the device id and puts it in the certificate it issues.
 */
public record KeyMaterial(KeyPair keyPair, byte[] csrDer) {

  public static KeyMaterial generate() {
    try {
      KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
      gen.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair kp = gen.generateKeyPair();
      byte[] csr = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=telltale-agent"), kp.getPublic())
          .build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate()))
          .getEncoded();
      return new KeyMaterial(kp, csr);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("cannot create an EC P-256 key pair and CSR", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The private key as PKCS#8 PEM. */
  public String privateKeyPem() {
    return Pem.encode("PRIVATE KEY", keyPair.getPrivate().getEncoded());
  }
}
