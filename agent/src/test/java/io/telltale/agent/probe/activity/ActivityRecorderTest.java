package io.telltale.agent.probe.activity;

import static io.telltale.agent.probe.activity.InputEvent.Origin.EXTERNAL;
import static io.telltale.agent.probe.activity.InputEvent.Origin.INJECTED;
import static io.telltale.agent.probe.activity.InputEvent.Origin.LOCAL;
import static org.assertj.core.api.Assertions.assertThat;

import io.telltale.agent.probe.ActivityRecord;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ActivityRecorderTest {

  private static final Instant T0 = Instant.parse("2025-03-04T10:00:00Z");
  private static final long MINUTE0 = T0.getEpochSecond() / 60;
  private final ActivityRecorder recorder = new ActivityRecorder();

  private static Instant at(double seconds) {
    return T0.plusMillis((long) (seconds * 1000));
  }

  @Test
  void countsPerMinuteBySource_attributingExternalEventsToTheirDevice() {
    recorder.record(InputEvent.press(at(1), LOCAL, "i8042"));
    recorder.record(InputEvent.moveBy(at(2), LOCAL, "touchpad", 40, 3));
    recorder.record(InputEvent.press(at(70), INJECTED, "uinput"));
    recorder.record(InputEvent.press(at(71), EXTERNAL, "1d6b:0104"));
    recorder.record(InputEvent.press(at(72), EXTERNAL, "1d6b:0104"));
    recorder.record(InputEvent.press(at(73), EXTERNAL, "046d:c077"));

    ActivityRecord r = recorder.drain(at(180));

    assertThat(r.firstMinute()).isEqualTo(MINUTE0);
    assertThat(r.minutesCovered()).isEqualTo(3);
    assertThat(r.minutes()).containsExactly(
        new ActivityRecord.Minute(0, 2, 0, 0, 0, 0),
        new ActivityRecord.Minute(1, 0, 1, 3, 0, 1));
    assertThat(r.externalSources()).containsExactly("1d6b:0104");
  }

  @Test
  void drain_keepsTheOpenMinute_andNeverReportsAMinuteTwice() {
    recorder.record(InputEvent.press(at(10), LOCAL, "kbd"));
    recorder.record(InputEvent.press(at(65), LOCAL, "kbd"));

    ActivityRecord first = recorder.drain(at(70));
    ActivityRecord second = recorder.drain(at(130));

    assertThat(first.minutes()).extracting(ActivityRecord.Minute::offset).containsExactly(0);
    assertThat(first.minutesCovered()).isEqualTo(1);
    assertThat(second.firstMinute()).isEqualTo(MINUTE0 + 1);
    assertThat(second.minutes()).containsExactly(new ActivityRecord.Minute(0, 1, 0, 0, 0, 0));
    assertThat(recorder.drain(at(200)).minutes()).isEmpty();
  }

  @Test
  void pikvmStyleJiggle_absoluteNudgeEvery60s_isRecognisedWithItsPeriod() {
    int x = 16000;
    for (int i = 0; i < 6; i++) {
      double t = 5 + 60.0 * i + (i % 2) * 0.05; // a little timer jitter
      recorder.record(InputEvent.moveTo(at(t), EXTERNAL, "1d6b:0104", x + 100, 9000));
      recorder.record(InputEvent.moveTo(at(t + 0.1), EXTERNAL, "1d6b:0104", x, 9000));
    }

    ActivityRecord r = recorder.drain(at(6 * 60));

    assertThat(r.minutes()).hasSize(6).allSatisfy(m -> {
      assertThat(m.jigglePeriodSeconds()).isEqualTo(60);
      assertThat(m.externalEvents()).isEqualTo(2);
    });
  }

  @Test
  void jetKvmCornerSnap_every20s_isAJiggle() {
    for (int i = 0; i < 9; i++) {
      recorder.record(InputEvent.moveTo(at(20.0 * i + 1), EXTERNAL, "jetkvm", 1, 1));
      recorder.record(InputEvent.moveTo(at(20.0 * i + 1.05), EXTERNAL, "jetkvm", 0, 0));
    }

    ActivityRecord r = recorder.drain(at(180));

    assertThat(r.minutes()).extracting(ActivityRecord.Minute::jigglePeriodSeconds).containsOnly(20);
  }

  @Test
  void nanoKvmRelativeJiggle_plusTenMinusTen_every15s() {
    for (int i = 0; i < 8; i++) {
      recorder.record(InputEvent.moveBy(at(15.0 * i + 2), EXTERNAL, "3346:1009", 10, 10));
      recorder.record(InputEvent.moveBy(at(15.0 * i + 2.1), EXTERNAL, "3346:1009", -10, -10));
    }

    ActivityRecord r = recorder.drain(at(120));

    assertThat(r.minutes()).extracting(ActivityRecord.Minute::jigglePeriodSeconds).containsOnly(15);
  }

  @Test
  void irregularTinyMoves_areNotAJiggle() {
    double[] times = {3, 14, 40, 47, 90, 101};
    for (double t : times) {
      recorder.record(InputEvent.moveBy(at(t), LOCAL, "touchpad", 1, 0));
    }

    assertThat(recorder.drain(at(180)).minutes()).extracting(ActivityRecord.Minute::jigglePeriodSeconds)
        .containsOnly(0);
  }

  @Test
  void humanInputInTheSameMinute_meansNoJigglePeriodForThatMinute() {
    for (int i = 0; i < 6; i++) {
      recorder.record(InputEvent.moveBy(at(30.0 * i + 1), INJECTED, "uinput", 1, 0));
    }
    recorder.record(InputEvent.press(at(150), LOCAL, "kbd"));

    ActivityRecord r = recorder.drain(at(180));

    assertThat(r.minutes()).extracting(ActivityRecord.Minute::jigglePeriodSeconds).containsExactly(30, 30, 0);
  }

  @Test
  void largeMoves_areHumanNotJiggle() {
    for (int i = 0; i < 6; i++) {
      recorder.record(InputEvent.moveBy(at(20.0 * i), EXTERNAL, "mouse", 300, -200));
    }

    assertThat(recorder.drain(at(180)).minutes()).extracting(ActivityRecord.Minute::jigglePeriodSeconds)
        .containsOnly(0);
  }

  @Test
  void openMinutes_areBoundedToADay_theOldestAreDropped() {
    recorder.drain(T0);
    for (int m = 0; m < ActivityRecorder.MAX_OPEN_MINUTES + 10; m++) {
      recorder.record(InputEvent.press(T0.plus(Duration.ofMinutes(m)), LOCAL, "kbd"));
    }

    ActivityRecord r = recorder.drain(T0.plus(Duration.ofDays(2)));

    assertThat(r.minutes()).hasSize(ActivityRecorder.MAX_OPEN_MINUTES);
    assertThat(r.minutes().get(0).offset()).isEqualTo(10);
  }
}
