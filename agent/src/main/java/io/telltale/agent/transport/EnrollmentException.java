package io.telltale.agent.transport;

/** Enrollment or renewal failed; the message says why in words an administrator can act on. */
public final class EnrollmentException extends Exception {

  public EnrollmentException(String message, Throwable cause) {
    super(message, cause);
  }
}
