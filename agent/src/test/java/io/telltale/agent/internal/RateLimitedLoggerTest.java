package io.telltale.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RateLimitedLoggerTest {

  @Test
  void firstFailureLogsAtOnce_thenOneLineAMinute_carryingTheSuppressedCount() {
    Logger logger = (Logger) LoggerFactory.getLogger("rate-limit-test");
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    logger.addAppender(lines);
    ManualClock clock = new ManualClock(Instant.parse("2025-01-01T00:00:00Z"));
    RateLimitedLogger log = new RateLimitedLogger(logger, clock);

    assertThat(log.warn("dev - down: {}", "refused")).isTrue();
    for (int i = 0; i < 30; i++) {
      clock.advance(Duration.ofSeconds(1));
      assertThat(log.warn("dev - down: {}", "refused")).isFalse();
    }
    clock.advance(Duration.ofSeconds(30));
    assertThat(log.warn("dev - down: {}", "refused")).isTrue();

    assertThat(lines.list).hasSize(2);
    assertThat(lines.list.get(0).getFormattedMessage()).isEqualTo("dev - down: refused");
    assertThat(lines.list.get(1).getFormattedMessage()).isEqualTo("dev - down: refused (30 similar lines suppressed)");
  }
}
