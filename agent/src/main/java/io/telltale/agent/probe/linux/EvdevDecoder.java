package io.telltale.agent.probe.linux;

import io.telltale.agent.probe.activity.InputEvent;
import io.telltale.agent.probe.activity.InputEvent.Origin;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a device's raw {@code struct input_event} records (64-bit layout: tv_sec, tv_usec, type, code,
 * value; 24 bytes, little-endian) into {@link InputEvent}s, one per key press and one per motion packet
 * (events up to {@code SYN_REPORT}). Key codes are looked at only to skip releases, repeats and touch
 * contacts; they are never kept. Not thread-safe: one decoder per device thread.
 */
final class EvdevDecoder {

  static final int RECORD_BYTES = 24;
  private static final int EV_SYN = 0;
  private static final int EV_KEY = 1;
  private static final int EV_REL = 2;
  private static final int EV_ABS = 3;
  private static final int REL_X = 0;
  private static final int REL_Y = 1;
  private static final int REL_HWHEEL = 6;
  private static final int REL_WHEEL = 8;
  private static final int ABS_X = 0;
  private static final int ABS_Y = 1;
  // BTN_TOOL_* and BTN_TOUCH (0x140-0x14f) accompany every touchpad contact; the motion already counts.
  private static final int BTN_DIGI_FIRST = 0x140;
  private static final int BTN_DIGI_LAST = 0x14f;

  private final Origin origin;
  private final String device;
  private int presses;
  private int dx;
  private int dy;
  private boolean relMoved;
  private boolean absMoved;
  private int absX;
  private int absY;

  EvdevDecoder(Origin origin, String device) {
    this.origin = origin;
    this.device = device;
  }

  /** Decodes one record at {@code offset} of {@code buf}; returns the events a SYN_REPORT completes. */
  List<InputEvent> feed(byte[] buf, int offset) {
    ByteBuffer b = ByteBuffer.wrap(buf, offset, RECORD_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    long sec = b.getLong();
    long usec = b.getLong();
    int type = b.getShort() & 0xFFFF;
    int code = b.getShort() & 0xFFFF;
    int value = b.getInt();
    switch (type) {
      case EV_KEY -> {
        if (value == 1 && (code < BTN_DIGI_FIRST || code > BTN_DIGI_LAST)) {
          presses++;
        }
      }
      case EV_REL -> {
        if (code == REL_X) {
          dx += value;
          relMoved = true;
        } else if (code == REL_Y) {
          dy += value;
          relMoved = true;
        } else if (code == REL_WHEEL || code == REL_HWHEEL) {
          presses++;
        }
      }
      case EV_ABS -> {
        if (code == ABS_X) {
          absX = value;
          absMoved = true;
        } else if (code == ABS_Y) {
          absY = value;
          absMoved = true;
        }
      }
      case EV_SYN -> {
        if (code == 0) {
          return flush(Instant.ofEpochSecond(sec, usec * 1000));
        }
      }
      default -> { }
    }
    return List.of();
  }

  private List<InputEvent> flush(Instant at) {
    List<InputEvent> out = new ArrayList<>();
    for (int i = 0; i < presses; i++) {
      out.add(InputEvent.press(at, origin, device));
    }
    if (absMoved) {
      out.add(InputEvent.moveTo(at, origin, device, absX, absY));
    } else if (relMoved) {
      out.add(InputEvent.moveBy(at, origin, device, dx, dy));
    }
    presses = 0;
    dx = 0;
    dy = 0;
    relMoved = false;
    absMoved = false;
    return out;
  }
}
