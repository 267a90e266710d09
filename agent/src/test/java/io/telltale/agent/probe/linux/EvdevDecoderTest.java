package io.telltale.agent.probe.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.telltale.agent.probe.activity.InputEvent;
import io.telltale.agent.probe.activity.InputEvent.Kind;
import io.telltale.agent.probe.activity.InputEvent.Origin;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvdevDecoderTest {

  /** Raw 64-bit struct input_event records, as read(2) returns them from /dev/input/eventN. */
  private static byte[] records(long sec, long usec, int[][] events) {
    ByteBuffer b = ByteBuffer.allocate(events.length * EvdevDecoder.RECORD_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    for (int[] e : events) {
      b.putLong(sec).putLong(usec).putShort((short) e[0]).putShort((short) e[1]).putInt(e[2]);
    }
    return b.array();
  }

  private static List<InputEvent> decode(EvdevDecoder d, byte[] bytes) {
    List<InputEvent> out = new ArrayList<>();
    for (int off = 0; off < bytes.length; off += EvdevDecoder.RECORD_BYTES) {
      out.addAll(d.feed(bytes, off));
    }
    return out;
  }

  @Test
  void keyPressCounted_releaseAndRepeatNot_noKeyCodeKept() {
    EvdevDecoder d = new EvdevDecoder(Origin.EXTERNAL, "1d6b:0104");
    // MSC_SCAN, KEY_A down, SYN; KEY_A repeat, SYN; KEY_A up, SYN
    byte[] b = records(1_741_082_767L, 500_000, new int[][] {
        {4, 4, 0x70004}, {1, 30, 1}, {0, 0, 0}, {1, 30, 2}, {0, 0, 0}, {1, 30, 0}, {0, 0, 0}});

    List<InputEvent> events = decode(d, b);

    assertThat(events).containsExactly(InputEvent.press(Instant.parse("2025-03-04T10:06:07.500Z"),
        Origin.EXTERNAL, "1d6b:0104"));
  }

  @Test
  void absoluteMotionPacket_isOneMoveToTheLastPosition() {
    EvdevDecoder d = new EvdevDecoder(Origin.EXTERNAL, "1d6b:0104");
    byte[] b = records(100, 0, new int[][] {{3, 0, 16383}, {3, 1, 9000}, {0, 0, 0}, {3, 0, 16483}, {0, 0, 0}});

    List<InputEvent> events = decode(d, b);

    assertThat(events).extracting(InputEvent::kind, InputEvent::x, InputEvent::y, InputEvent::absolute)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Kind.MOVE, 16383, 9000, true),
            org.assertj.core.groups.Tuple.tuple(Kind.MOVE, 16483, 9000, true));
  }

  @Test
  void relativeMotion_summedPerPacket_wheelCountsAsPress_touchContactDoesNot() {
    EvdevDecoder d = new EvdevDecoder(Origin.LOCAL, "touchpad");
    byte[] b = records(100, 0, new int[][] {
        {2, 0, 3}, {2, 1, -2}, {2, 0, 1}, {0, 0, 0}, {2, 8, -1}, {0, 0, 0}, {1, 0x14a, 1}, {0, 0, 0}});

    List<InputEvent> events = decode(d, b);

    assertThat(events).extracting(InputEvent::kind).containsExactly(Kind.MOVE, Kind.PRESS);
    assertThat(events.get(0).x()).isEqualTo(4);
    assertThat(events.get(0).y()).isEqualTo(-2);
  }
}
