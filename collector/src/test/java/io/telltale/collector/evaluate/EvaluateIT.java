package io.telltale.collector.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evaluate} end to end: the fleet simulator over the real protocol into an in-process collector with
 * detection on a temporary SQLite store. Every labelled device must come out as labelled.
 */
class EvaluateIT {

  @TempDir Path work;

  private static void assertLabels(Evaluation.Result r) {
    Map<String, String> labels = r.labels();
    assertThat(r.devices()).hasSize(labels.size());
    for (Evaluation.DeviceResult d : r.devices()) {
      boolean farm = "farm".equals(labels.get(d.hostname()));
      assertThat(d.verdict().flagged()).as("%s (%s): score %d, reasons %s", d.hostname(), labels.get(d.hostname()),
          d.verdict().score(), d.verdict().reasons()).isEqualTo(farm);
    }
  }

  @Test
  void twoHousesOfOneFacilitator_joinedByAnImportedMonitor_areFlagged_neighboursAreNot() throws Exception {
    Path scenario = Path.of(EvaluateIT.class.getResource("/scenarios/two-houses-one-facilitator.json").toURI());
    Evaluation.Result r = new Evaluation(scenario, null, work, true).run();
    assertLabels(r);
    String a1 = cluster(r, "TT-FAC-A1");
    assertThat(a1).isNotNull().isEqualTo(cluster(r, "TT-FAC-B2"));
    assertThat(cluster(r, "TT-CPL-1")).isNotNull().isNotEqualTo(a1);
  }

  @Test
  void sharedFarmBasicExample_matchesItsLabels() throws Exception {
    assertLabels(runShared("farm-basic.json"));
  }

  /** Only benign devices that each look suspicious to a naive detector: none may be flagged. */
  @Test
  void sharedTrapsExample_flagsNoBenignDevice() throws Exception {
    Evaluation.Result r = runShared("traps.json");
    assertLabels(r);
    assertThat(r.devices()).noneMatch(d -> d.verdict().flagged());
  }

  /** The largest example (about a minute): farms, traps and ordinary employees together. */
  @Test
  void sharedDemoExample_matchesItsLabels() throws Exception {
    assertLabels(runShared("demo.json"));
  }

  /** Runs ../shared/scenarios/examples/NAME; skips the test when the shared folder is not there. */
  private Evaluation.Result runShared(String name) throws Exception {
    Path shared = sharedExample(name);
    assumeTrue(shared != null, "shared example " + name + " not present");
    return new Evaluation(shared, null, work, true).run();
  }

  private static String cluster(Evaluation.Result r, String host) {
    return r.devices().stream().filter(d -> d.hostname().equals(host)).findFirst().orElseThrow().verdict().clusterId();
  }

  /** ../shared/scenarios/examples/NAME from the repository root, found from the module directory upwards. */
  static Path sharedExample(String name) throws URISyntaxException {
    Path dir = Path.of("").toAbsolutePath();
    for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
      Path candidate = dir.resolve("../shared/scenarios/examples").resolve(name).normalize();
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
