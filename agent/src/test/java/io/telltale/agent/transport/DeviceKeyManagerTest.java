package io.telltale.agent.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.telltale.agent.config.KeyMaterial;
import io.telltale.agent.config.Pem;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import org.junit.jupiter.api.Test;

class DeviceKeyManagerTest {

  @Test
  void readsTheAgentsOwnEcKey() {
    KeyMaterial km = KeyMaterial.generate();
    PrivateKey key = Pem.parsePrivateKey(km.privateKeyPem(), "device key");
    assertThat(key.getAlgorithm()).isEqualTo("EC");
    assertThat(key.getEncoded()).isEqualTo(km.keyPair().getPrivate().getEncoded());
  }

  @Test
  void readsAnRsaKey() throws Exception {
    KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
    gen.initialize(2048);
    PrivateKey rsa = gen.generateKeyPair().getPrivate();
    PrivateKey read = Pem.parsePrivateKey("junk before\n" + Pem.encode("PRIVATE KEY", rsa.getEncoded()), "device key");
    assertThat(read.getAlgorithm()).isEqualTo("RSA");
    assertThat(read.getEncoded()).isEqualTo(rsa.getEncoded());
  }

  @Test
  void saysWhatIsWrongWithAKey() {
    assertThatThrownBy(() -> Pem.parsePrivateKey("-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n", "device key"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("device key").hasMessageContaining("PKCS#8");
    assertThatThrownBy(() -> Pem.parsePrivateKey(Pem.encode("PRIVATE KEY", new byte[] {1, 2, 3}), "device key"))
        .hasMessageContaining("neither an EC nor an RSA");
  }

  @Test
  void rejectsACertificateThatIsNotOne() {
    KeyMaterial km = KeyMaterial.generate();
    assertThatThrownBy(() -> DeviceKeyManager.fromPem(km.privateKeyPem(), "not a certificate"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("device certificate");
  }
}
