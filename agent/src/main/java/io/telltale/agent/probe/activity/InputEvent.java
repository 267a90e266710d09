package io.telltale.agent.probe.activity;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One user-input event as a capture saw it, before aggregation. {@code x}/{@code y} are the pointer motion
 * (deltas when {@code absolute} is false, positions when true) and are used only transiently by the jiggle
 * detector; they are 0 for keys and buttons. No key codes are carried.
 *
 * @param device for {@link Origin#EXTERNAL} the device key ("vvvv:pppp" or its name); any stable per-device
 *     key otherwise (it separates jiggle streams)
 */
public record InputEvent(Instant at, Origin origin, String device, Kind kind, int x, int y, boolean absolute) {

  public InputEvent {
    requireNonNull(at, "at");
    requireNonNull(origin, "origin");
    requireNonNull(device, "device");
    requireNonNull(kind, "kind");
  }

  /** A key press or button click (no position). */
  public static InputEvent press(Instant at, Origin origin, String device) {
    return new InputEvent(at, origin, device, Kind.PRESS, 0, 0, false);
  }

  /** A relative pointer move by (dx, dy). */
  public static InputEvent moveBy(Instant at, Origin origin, String device, int dx, int dy) {
    return new InputEvent(at, origin, device, Kind.MOVE, dx, dy, false);
  }

  /** An absolute pointer move to (x, y). */
  public static InputEvent moveTo(Instant at, Origin origin, String device, int x, int y) {
    return new InputEvent(at, origin, device, Kind.MOVE, x, y, true);
  }

  /** Where an input event came from. */
  public enum Origin {
    /** The laptop's own keyboard and touchpad (i8042, I2C, SPI, platform). */
    LOCAL,
    /** Synthetic input: uinput, XTEST, SendInput (LLMHF_INJECTED), posted CGEvents. */
    INJECTED,
    /** An external USB or Bluetooth HID device (an IP-KVM, a hardware jiggler, a real mouse). */
    EXTERNAL
  }

  /** What kind of input. */
  public enum Kind {
    /** Key press, mouse button, scroll. */
    PRESS,
    /** Pointer motion. */
    MOVE
  }
}
