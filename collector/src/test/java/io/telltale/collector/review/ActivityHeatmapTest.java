package io.telltale.collector.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.telltale.collector.store.ActivityHour;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActivityHeatmapTest {

  static final Instant NOW = Instant.parse("2024-05-10T12:00:00Z");

  @Test
  void hoursLandInTheEmployeesZone_andKindFollowsTheDominantInput() {
    // 03:00 UTC is 22:00 the day before in Chicago (CDT, UTC-5).
    List<ActivityHour> hours = List.of(
        new ActivityHour("d", Instant.parse("2024-05-09T03:00:00Z"), 0, 900, 0, 0, 55),
        new ActivityHour("d", Instant.parse("2024-05-09T15:00:00Z"), 400, 0, 10, 0, 20),
        new ActivityHour("d", Instant.parse("2024-05-09T16:00:00Z"), 0, 0, 0, 12, 0));
    ActivityHeatmap map = ActivityHeatmap.of(hours, ZoneId.of("America/Chicago"), "roster", NOW, 3);
    assertThat(map.days()).hasSize(3);
    var may8 = map.days().get(0);
    assertThat(may8.date()).hasToString("2024-05-08");
    assertThat(may8.hours().get(22).kind()).isEqualTo("injected");
    assertThat(may8.hours().get(22).level()).isEqualTo(4);
    var may9 = map.days().get(1);
    assertThat(may9.hours().get(10).kind()).isEqualTo("local");
    assertThat(may9.hours().get(10).level()).isEqualTo(2);
    assertThat(may9.hours().get(11).kind()).isEqualTo("jiggle");
    assertThat(may9.hours().get(12).kind()).isEqualTo("none");
  }
}
