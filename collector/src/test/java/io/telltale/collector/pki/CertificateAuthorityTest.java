package io.telltale.collector.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.telltale.collector.internal.Clock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateAuthorityTest {

  @TempDir Path dir;

  @Test
  void secondStart_loadsTheSameCa_andTheKeyFileIsOwnerOnly() throws Exception {
    CertificateAuthority first = CertificateAuthority.loadOrCreate(dir, Clock.SYSTEM);
    CertificateAuthority second = CertificateAuthority.loadOrCreate(dir, Clock.SYSTEM);
    assertThat(second.fingerprint()).isEqualTo(first.fingerprint()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("ca.key")))).isEqualTo("rw-------");
    X509Certificate cert = second.issueClientCertificate("d", keyPair("EC", 256).getPublic(), Duration.ofDays(1));
    assertThat(first.issued(cert, Instant.now())).isTrue();
  }

  @Test
  void csr_withWeakRsaKey_isRefusedNamingTheSize() throws Exception {
    KeyPair weak = keyPair("RSA", 1024);
    byte[] csr = new JcaPKCS10CertificationRequestBuilder(new X500Principal("CN=x"), weak.getPublic())
        .build(new JcaContentSignerBuilder("SHA256withRSA").build(weak.getPrivate())).getEncoded();
    assertThatThrownBy(() -> CsrVerifier.verify(csr)).isInstanceOf(CsrException.class)
        .hasMessage("csr_der: RSA key of 1024 bits (expected: >= 2048)");
  }

  private static KeyPair keyPair(String alg, int bits) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance(alg);
    g.initialize(bits);
    return g.generateKeyPair();
  }
}
