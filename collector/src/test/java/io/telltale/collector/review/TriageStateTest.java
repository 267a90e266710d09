package io.telltale.collector.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TriageStateTest {

  @Test
  void workflow_newToInvestigatingToConfirmedOrFalsePositiveToClosed() {
    assertThat(TriageState.NEW.next()).containsExactly(TriageState.INVESTIGATING);
    assertThat(TriageState.INVESTIGATING.next()).containsExactlyInAnyOrder(TriageState.CONFIRMED,
        TriageState.FALSE_POSITIVE);
    assertThat(TriageState.CONFIRMED.next()).contains(TriageState.CLOSED);
    assertThat(TriageState.FALSE_POSITIVE.next()).contains(TriageState.CLOSED);
    assertThat(TriageState.CLOSED.next()).containsExactly(TriageState.INVESTIGATING);
  }

  @Test
  void parse_acceptsSpacesAndCase_andNamesTheChoicesOtherwise() {
    assertThat(TriageState.parse("false positive")).isEqualTo(TriageState.FALSE_POSITIVE);
    assertThatThrownBy(() -> TriageState.parse("done"))
        .hasMessage("state: 'done' (expected: one of NEW, INVESTIGATING, CONFIRMED, FALSE_POSITIVE, CLOSED)");
  }
}
