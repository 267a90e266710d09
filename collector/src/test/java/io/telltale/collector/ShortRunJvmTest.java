package io.telltale.collector;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShortRunJvmTest {

  private static final String[] EVALUATE = {"evaluate", "--scenario", "s.json"};

  @Test
  void evaluateRunsInAC1OnlyChild() {
    assertThat(ShortRunJvm.applies(EVALUATE, List.of("-Xmx1g"), Map.of(), null)).isTrue();
    assertThat(ShortRunJvm.command(Path.of("/jdk/bin/java"), List.of("-Xmx1g"), "telltale-collector.jar", EVALUATE))
        .containsExactly("/jdk/bin/java", "-Xmx1g", "-XX:TieredStopAtLevel=1", "-Dtelltale.short-run-jvm=true",
            "-cp", "telltale-collector.jar", "io.telltale.collector.CollectorMain", "evaluate", "--scenario",
            "s.json");
  }

  @Test
  void otherCommandsHelpAndTheChildItselfRunHere() {
    assertThat(ShortRunJvm.applies(new String[] {"serve"}, List.of(), Map.of(), null)).isFalse();
    assertThat(ShortRunJvm.applies(new String[] {"demo"}, List.of(), Map.of(), null)).isFalse();
    assertThat(ShortRunJvm.applies(new String[0], List.of(), Map.of(), null)).isFalse();
    assertThat(ShortRunJvm.applies(new String[] {"evaluate", "--help"}, List.of(), Map.of(), null)).isFalse();
    assertThat(ShortRunJvm.applies(EVALUATE, List.of(), Map.of(), "true")).isFalse();
  }

  @Test
  void theUsersChoiceWins() {
    assertThat(ShortRunJvm.applies(EVALUATE, List.of(), Map.of("TELLTALE_SAME_JVM", "1"), null)).isFalse();
    for (String option : List.of("-XX:TieredStopAtLevel=4", "-XX:-TieredCompilation", "-Xint",
        "-agentlib:jdwp=transport=dt_socket,server=y,address=5005")) {
      assertThat(ShortRunJvm.applies(EVALUATE, List.of(option), Map.of(), null)).as(option).isFalse();
    }
  }

  @Test
  void optionsFromTheEnvironmentReachTheChildOnce() {
    ProcessBuilder pb = ShortRunJvm.childProcess(List.of("java", "-version"));
    assertThat(pb.environment()).doesNotContainKeys("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");
    assertThat(pb.environment()).containsAllEntriesOf(Map.of("PATH", System.getenv("PATH")));
    assertThat(pb.redirectOutput()).isEqualTo(ProcessBuilder.Redirect.INHERIT);
  }
}
