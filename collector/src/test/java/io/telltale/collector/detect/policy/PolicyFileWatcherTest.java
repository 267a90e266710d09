package io.telltale.collector.detect.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Live reload of the policy file: a good edit is applied, a broken one is refused and the running policy stays. */
class PolicyFileWatcherTest {

  private final Clock clock = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);

  @Test
  void editsAreApplied_brokenEditsRefused_andTheNextGoodSaveApplied(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("policy.yaml");
    Files.writeString(file, PolicyRegistryTest.SMALL);
    PolicyRegistry registry = PolicyRegistry.start(PolicyVersions.inMemory(), null, clock);
    // The first check runs at once on the watcher's thread; the next ones here, by hand.
    try (PolicyFileWatcher watcher = new PolicyFileWatcher(file, registry, Duration.ofHours(1))) {
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
          .untilAsserted(() -> assertThat(registry.current().policy().name()).isEqualTo("small"));
      String small = registry.current().version();

      assertThat(watcher.poll()).as("unchanged file").isFalse();

      Files.writeString(file, PolicyRegistryTest.SMALL.replace("remote.family_count > 0", "remote.family_count >"));
      assertThat(watcher.poll()).isFalse();
      assertThat(registry.current().version()).isEqualTo(small);

      Files.writeString(file, PolicyRegistryTest.SMALL.replace("remote.family_count > 0", "remote.no_such_field"));
      assertThat(watcher.poll()).isFalse();
      assertThat(registry.current().version()).isEqualTo(small);

      Files.writeString(file, PolicyRegistryTest.SMALL.replace("flag_threshold: 50", "flag_threshold: 70"));
      assertThat(watcher.poll()).isTrue();
      assertThat(registry.current().policy().flagThreshold()).isEqualTo(70);

      Files.delete(file);
      assertThat(watcher.poll()).as("a missing file changes nothing").isFalse();
      assertThat(registry.current().policy().flagThreshold()).isEqualTo(70);
    }
  }
}
