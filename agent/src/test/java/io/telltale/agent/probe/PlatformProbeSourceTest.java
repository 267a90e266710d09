package io.telltale.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.telltale.agent.probe.activity.ActivityRecorder;
import io.telltale.agent.probe.linux.LinuxProbes;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlatformProbeSourceTest {

  private final HostRoot root = Fixtures.linuxHost();
  private final Instant now = Instant.parse("2025-03-04T05:06:07Z");

  private PlatformProbeSource source() {
    return new PlatformProbeSource(LinuxProbes.create(root, Clock.systemUTC()), new ActivityRecorder());
  }

  @Test
  void fullPass_hasEverySection() {
    Observations o = source().observe(now, true);

    assertThat(o.system()).isNotNull();
    assertThat(o.software()).isNotNull();
    assertThat(o.hardware()).isNotNull();
    assertThat(o.network()).isNotNull();
    assertThat(o.locale()).isNotNull();
    assertThat(o.power()).isNotNull();
    assertThat(o.sessions()).isNotNull();
  }

  @Test
  void volatilePass_onlyPowerAndSessions() {
    Observations o = source().observe(now, false);

    assertThat(o.system()).isNull();
    assertThat(o.software()).isNull();
    assertThat(o.hardware()).isNull();
    assertThat(o.network()).isNull();
    assertThat(o.power()).isNotNull();
    assertThat(o.sessions()).isNotNull();
  }

  @Test
  void idleSeconds_fromTheRecorder_whenTheOsDoesNotTell() {
    ActivityRecorder recorder = new ActivityRecorder();
    PlatformProbeSource s = new PlatformProbeSource(LinuxProbes.create(root, Clock.systemUTC()), recorder);
    Observations before = s.observe(now, false);
    assertThat(before.sessions().idleSeconds()).isEqualTo(-1);
    assertThat(before.failures()).anyMatch(f -> f.probe().equals("sessions.idle"));

    recorder.record(io.telltale.agent.probe.activity.InputEvent.press(now.minusSeconds(42),
        io.telltale.agent.probe.activity.InputEvent.Origin.EXTERNAL, "1d6b:0104"));

    Observations after = s.observe(now, false);
    assertThat(after.sessions().idleSeconds()).isEqualTo(42);
    assertThat(after.failures()).noneMatch(f -> f.probe().equals("sessions.idle"))
        .anyMatch(f -> f.probe().equals("sessions.screen_locked"));
  }

  @Test
  void restrictTo_disablesTheOtherProbes() {
    PlatformProbeSource s = source();
    s.restrictTo(Set.of("network"));

    Observations o = s.observe(now, true);

    assertThat(o.network()).isNotNull();
    assertThat(o.software()).isNull();
    assertThat(o.hardware()).isNull();
    assertThat(o.sessions()).isNull();
    assertThat(o.failures()).noneMatch(f -> f.probe().equals("activity"));
  }
}
