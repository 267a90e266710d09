package io.telltale.agent.transport;

import static java.util.Objects.requireNonNull;

import io.telltale.agent.config.Pem;
import java.net.Socket;
import java.security.PrivateKey;
import java.security.Principal;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The device's one key and certificate chain, offered to the collector whatever it asks. It exists because
 * handing PEM text to gRPC makes Netty build a PKCS#12 key store with a password-encrypted key (10,000 PBKDF2
 * rounds to write it and as many to read it back) for every channel: tens of milliseconds of CPU per device,
 * which the fleet simulator pays once per simulated laptop. Immutable.
 */
final class DeviceKeyManager extends X509ExtendedKeyManager {

  private static final String ALIAS = "device";

  private final PrivateKey key;
  private final X509Certificate[] chain;

  private DeviceKeyManager(PrivateKey key, List<X509Certificate> chain) {
    this.key = requireNonNull(key, "key");
    this.chain = chain.toArray(X509Certificate[]::new);
  }

  /**
   * Reads a PKCS#8 PEM private key (EC, as the agent generates, or RSA) and a PEM certificate chain.
   *
   * @throws IllegalArgumentException saying which of the two is unreadable and why
   */
  static DeviceKeyManager fromPem(String privateKeyPem, String certificatePem) {
    return new DeviceKeyManager(Pem.parsePrivateKey(privateKeyPem, "device key"),
        Pem.parseCertificates(certificatePem, "device certificate"));
  }

  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    return new String[] {ALIAS};
  }

  @Override
  public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
    return ALIAS;
  }

  @Override
  public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
    return ALIAS;
  }

  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) {
    return new String[0];
  }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
    return null;
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    return ALIAS.equals(alias) ? chain.clone() : null;
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    return ALIAS.equals(alias) ? key : null;
  }
}
