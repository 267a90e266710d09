package io.telltale.agent.transport;

import static java.util.Objects.requireNonNull;

import io.telltale.agent.config.Pem;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Principal;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
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
    return new DeviceKeyManager(privateKey(privateKeyPem),
        Pem.parseCertificates(certificatePem, "device certificate"));
  }

  static PrivateKey privateKey(String pem) {
    String begin = "-----BEGIN PRIVATE KEY-----";
    String end = "-----END PRIVATE KEY-----";
    int from = pem.indexOf(begin);
    int to = pem.indexOf(end);
    if (from < 0 || to < from) {
      throw new IllegalArgumentException("device key: expected a PEM \"BEGIN PRIVATE KEY\" block (PKCS#8)");
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("device key: the PEM block is not base64 (" + e.getMessage() + ")", e);
    }
    GeneralSecurityException last = null;
    for (String algorithm : new String[] {"EC", "RSA"}) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        last = e;
      }
    }
    throw new IllegalArgumentException("device key: neither an EC nor an RSA PKCS#8 key (" + last.getMessage() + ")",
        last);
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
