package io.telltale.collector.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.telltale.collector.store.RosterEmployee;
import java.util.List;
import org.junit.jupiter.api.Test;

class RosterAdminTest {

  static final String HEADER = "employee_id,name,email,country,region,timezone,serials,hostnames,groups\n";

  @Test
  void parse_quotedNamesListsAndAnyColumnOrder() {
    List<RosterEmployee> r = RosterAdmin.parse("timezone,employee_id,name,email,country,region,serials,hostnames\n"
        + "America/Chicago,e1,\"Whitfield, Jordan\",j@example.com,us,TX,SER-1; SER-2,jw-lap,\n".replace(",\n", "\n"));
    assertThat(r).hasSize(1);
    assertThat(r.get(0).name()).isEqualTo("Whitfield, Jordan");
    assertThat(r.get(0).country()).isEqualTo("US");
    assertThat(r.get(0).serials()).containsExactly("SER-1", "SER-2");
    assertThat(r.get(0).hostnames()).containsExactly("jw-lap");
  }

  @Test
  void parse_badRows_reportsEveryRowWithItsLine_andImportsNothing() {
    String csv = HEADER
        + "e1,Ada,ada@example.com,US,TX,America/Chicago,SER-1,,\n"
        + "e2,Bob,not-an-email,USA,,Mars/Olympus,,,\n"
        + "e1,Eve,eve@example.com,US,,,SER-1,,\n";
    assertThatThrownBy(() -> RosterAdmin.parse(csv)).isInstanceOfSatisfying(ReviewException.class, e -> {
      assertThat(e.getMessage()).contains("nothing was imported");
      assertThat(e.problems()).extracting(Problem::line).containsExactly(3, 3, 3, 3, 4, 4);
      assertThat(e.problems()).extracting(Problem::ref)
          .containsExactly("email", "country", "timezone", "serials", "employee_id", "serials");
      assertThat(e.problems().get(2).message()).contains("Mars/Olympus", "expected: an IANA zone");
    });
  }

  @Test
  void parse_missingColumns_namesThem() {
    assertThatThrownBy(() -> RosterAdmin.parse("employee_id,name\ne1,Ada\n"))
        .isInstanceOfSatisfying(ReviewException.class, e -> assertThat(e.problems()).extracting(Problem::ref)
            .contains("email", "country", "region", "timezone", "serials"));
  }
}
