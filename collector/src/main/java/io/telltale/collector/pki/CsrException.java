package io.telltale.collector.pki;

/** A certificate signing request that cannot be accepted; the message says why and is safe to return. */
public final class CsrException extends Exception {

  private static final long serialVersionUID = 1L;

  public CsrException(String message) {
    super(message);
  }

  public CsrException(String message, Throwable cause) {
    super(message, cause);
  }
}
