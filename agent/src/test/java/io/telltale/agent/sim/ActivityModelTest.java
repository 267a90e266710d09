package io.telltale.agent.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ActivityModelTest {

  /** The definition: the newest active minute before {@code t}'s, scanning minute by minute. */
  private static Instant lastInputEndByScan(DeviceTimeline tl, Instant t) {
    Instant minute = t.truncatedTo(ChronoUnit.MINUTES);
    for (long back = 1; back <= ActivityModel.MAX_IDLE.toMinutes(); back++) {
      Instant m = minute.minus(Duration.ofMinutes(back));
      if (ActivityModel.activeAt(tl, m)) {
        return m.plusSeconds(60);
      }
    }
    return t.minus(ActivityModel.MAX_IDLE);
  }

  @Test
  void lastInputEnd_skipsWeeksOfConstantStateButFindsWhatAScanFinds() throws Exception {
    List<Scenario> scenarios = new ArrayList<>();
    scenarios.add(ScenarioLoader.parse("two-laptops.json", ScenarioLoaderTest.json()));
    Path shared = SimTestFiles.sharedExamples();
    if (shared != null) {
      try (Stream<Path> files = Files.list(shared)) {
        files.filter(f -> f.toString().endsWith(".json")).sorted().forEach(f -> scenarios.add(ScenarioLoader.load(f)));
      }
    }
    int compared = 0;
    for (Scenario s : scenarios) {
      for (Scenario.Device d : s.devices()) {
        DeviceTimeline tl = new DeviceTimeline(s, d);
        for (Instant t : List.of(s.start().minus(Duration.ofDays(3)), s.start().plusSeconds(61),
            s.start().plus(Duration.between(s.start(), s.end()).dividedBy(2)), s.end().minusMillis(1))) {
          assertThat(ActivityModel.lastInputEnd(tl, t)).as("%s at %s", d.hostname(), t)
              .isEqualTo(lastInputEndByScan(tl, t));
          compared++;
        }
      }
    }
    assertThat(compared).isGreaterThanOrEqualTo(8);
  }
}
