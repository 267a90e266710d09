package io.telltale.agent.sim;

import io.telltale.agent.testing.TestCollector;
import io.telltale.agent.transport.ObservationFillers;
import io.telltale.proto.v1.ReportKind;
import io.telltale.proto.v1.ReportRequest;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints simulator throughput (40 devices x 72 h x 10-minute reports against a loopback collector) and the
 * wire size of a typical heartbeat. A benchmark, not a test: run its main with the test classpath.
 */
public final class SimulatorBenchmark {

  private SimulatorBenchmark() {}

  public static void main(String[] args) throws Exception {
    Scenario base = ScenarioLoader.parse("two-laptops.json", ScenarioLoaderTest.json());
    List<Scenario.Device> devices = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      Scenario.Device d = base.devices().get(i % 2);
      devices.add(new Scenario.Device(d.hostname() + "-" + i, d.serial() + i, d.employee(), d.osFamily(),
          d.osVersion(), d.uptimeDays(), d.initial(), d.changes()));
    }
    Scenario fleet = new Scenario("bench", "", base.start(), 72, 10, base.networks(), base.employees(), devices,
        java.util.Map.of());
    try (TestCollector collector = new TestCollector().start()) {
      SimulationSummary s = FleetSimulator.builder().scenario(fleet).collector(collector.address())
          .token(TestCollector.TOKEN).caPem(collector.pki.caPem()).sectionFillers(ObservationFillers.factory())
          .stateDir(args.length > 0 ? Files.createTempDirectory(java.nio.file.Path.of(args[0]), "sim-bench") : Files.createTempDirectory("sim-bench")).speed(FleetSimulator.Speed.MAX).build().run();
      System.out.println("simulator: " + s);
      System.out.printf("simulator throughput: %.0f reports/s%n", s.reportsSent() / (s.elapsed().toMillis() / 1000.0));
      List<Integer> sizes = collector.received.stream()
          .filter(r -> r.getKind() == ReportKind.REPORT_KIND_HEARTBEAT)
          .map(ReportRequest::getSerializedSize).sorted().toList();
      if (!sizes.isEmpty()) {
        System.out.printf("heartbeat bytes on the wire (message + 5-byte gRPC frame): median %d, max %d%n",
            sizes.get(sizes.size() / 2) + 5, sizes.get(sizes.size() - 1) + 5);
      }
    }
  }
}
