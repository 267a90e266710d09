package io.telltale.agent.sim;

/**
 * A scenario file is invalid. The message names the file, the JSON path and what was expected, e.g.
 * {@code farm.json: $.devices[3].usb[0].vendor_id: "1D6B" (expected: 4 lower-case hex digits)}.
 */
public final class ScenarioException extends RuntimeException {

  public ScenarioException(String message) {
    super(message);
  }

  public ScenarioException(String message, Throwable cause) {
    super(message, cause);
  }
}
