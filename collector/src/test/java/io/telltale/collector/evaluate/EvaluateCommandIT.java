package io.telltale.collector.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar telltale-collector.jar evaluate} as administrators run it in their CI: the packaged jar, a
 * separate process (which runs the evaluation in its C1-only child JVM), one JSON line per device on stdout,
 * the exit code telling whether the labels held.
 */
class EvaluateCommandIT {

  @TempDir Path dir;

  private record Run(int exit, List<String> stdout, String stderr) {}

  private Run evaluate(String... args) throws Exception {
    Path jar = Path.of("target", "telltale-collector.jar").toAbsolutePath();
    assertThat(jar).as("the packaged collector (mvn package)").exists();
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar.toString(), "evaluate"));
    cmd.addAll(List.of(args));
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(3, TimeUnit.MINUTES)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      throw new AssertionError("evaluate did not finish within 3 minutes: " + read(err));
    }
    return new Run(p.exitValue(), Files.readAllLines(out, StandardCharsets.UTF_8), read(err));
  }

  private static String read(Path f) throws IOException {
    return Files.readString(f, StandardCharsets.UTF_8);
  }

  @Test
  void printsOneVerdictPerDevice_andExitsByTheLabels() throws Exception {
    Path scenario = Path.of(EvaluateCommandIT.class.getResource("/scenarios/two-houses-one-facilitator.json").toURI());
    Run ok = evaluate("--scenario", scenario.toString(), "--labels");
    assertThat(ok.exit()).as(ok.stderr()).isZero();
    assertThat(ok.stdout()).hasSize(7).allMatch(l -> l.startsWith("{\"hostname\":\"TT-"));
    assertThat(ok.stdout()).anyMatch(l -> l.contains("\"hostname\":\"TT-FAC-A1\",\"flagged\":true"));
    assertThat(ok.stderr()).contains("7 labelled devices, 0 mismatches");

    Path wrong = dir.resolve("wrong.json");
    Files.writeString(wrong, "{\"TT-IT-1\": \"farm\"}");
    Run mismatch = evaluate("--scenario", scenario.toString(), "--expect", wrong.toString());
    assertThat(mismatch.exit()).as(mismatch.stderr()).isEqualTo(1);
    assertThat(mismatch.stderr()).contains("MISMATCH TT-IT-1: expected farm, got not flagged");
  }

  @Test
  void aBadScenarioFileIsNamedInTheError() throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"format\": \"telltale-scenario/1\",");
    Run r = evaluate("--scenario", bad.toString());
    assertThat(r.exit()).isNotZero();
    assertThat(r.stderr()).contains("bad.json");
    assertThat(r.stdout()).isEmpty();
  }
}
