package io.telltale.agent.probe;

/**
 * A fact could not be acquired; the message is the short, safe reason that goes into the report (never
 * telemetry contents), e.g. "not found: /proc/net/arp" or "timed out after 2000 ms: nmcli".
 */
public final class ProbeException extends Exception {

  private static final long serialVersionUID = 1L;

  public ProbeException(String reason) {
    super(reason);
  }

  public ProbeException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
