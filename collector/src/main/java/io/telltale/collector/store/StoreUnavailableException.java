package io.telltale.collector.store;

/** The store cannot be reached or failed a write; nothing was committed. Retry later. */
public class StoreUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreUnavailableException(String message) {
    super(message);
  }
}
