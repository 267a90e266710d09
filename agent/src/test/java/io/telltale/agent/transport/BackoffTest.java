package io.telltale.agent.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void delaysDoubleWithJitter_areCappedAtFiveMinutes_andResetAfterSuccess() {
    Backoff top = new Backoff(() -> 0.999_999);
    Backoff bottom = new Backoff(() -> 0.0);
    assertThat(top.nextDelayMs()).isBetween(999L, 1000L);
    assertThat(bottom.nextDelayMs()).isEqualTo(500);
    assertThat(top.nextDelayMs()).isBetween(1999L, 2000L);
    for (int i = 0; i < 30; i++) {
      top.nextDelayMs();
    }
    assertThat(top.nextDelayMs()).isBetween(299_000L, 300_000L);
    top.reset();
    assertThat(top.nextDelayMs()).isLessThanOrEqualTo(1000);
  }
}
