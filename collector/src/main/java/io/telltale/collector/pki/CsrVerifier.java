package io.telltale.collector.pki;

import java.io.IOException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

/**
 * Checks a PKCS#10 request: well-formed DER, a valid self-signature (proof the requester holds the key),
 * and an accepted key (EC P-256 or RSA of at least 2048 bits). Its subject is ignored.
 */
public final class CsrVerifier {

  private static final int MIN_RSA_BITS = 2048;
  private static final int MAX_CSR_BYTES = 16 * 1024;

  private CsrVerifier() {}

  /** Returns the requester's public key. */
  public static PublicKey verify(byte[] der) throws CsrException {
    if (der.length == 0) {
      throw new CsrException("csr_der: empty (expected: a DER-encoded PKCS#10 request)");
    }
    if (der.length > MAX_CSR_BYTES) {
      throw new CsrException("csr_der: " + der.length + " bytes (expected: <= " + MAX_CSR_BYTES + ")");
    }
    JcaPKCS10CertificationRequest csr;
    PublicKey key;
    try {
      csr = new JcaPKCS10CertificationRequest(der);
      key = csr.getPublicKey();
    } catch (IOException | RuntimeException | java.security.GeneralSecurityException e) {
      throw new CsrException("csr_der: not a DER-encoded PKCS#10 request", e);
    }
    try {
      if (!csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key))) {
        throw new CsrException("csr_der: signature does not verify (expected: signed with the requested key)");
      }
    } catch (OperatorCreationException | PKCSException e) {
      throw new CsrException("csr_der: signature cannot be checked (" + e.getMessage() + ")", e);
    }
    if (key instanceof ECPublicKey ec) {
      int bits = ec.getParams().getOrder().bitLength();
      if (bits != 256) {
        throw new CsrException("csr_der: EC key of " + bits + " bits (expected: P-256)");
      }
    } else if (key instanceof RSAPublicKey rsa) {
      int bits = rsa.getModulus().bitLength();
      if (bits < MIN_RSA_BITS) {
        throw new CsrException("csr_der: RSA key of " + bits + " bits (expected: >= " + MIN_RSA_BITS + ")");
      }
    } else {
      throw new CsrException("csr_der: key algorithm " + key.getAlgorithm() + " (expected: EC P-256 or RSA)");
    }
    return key;
  }
}
