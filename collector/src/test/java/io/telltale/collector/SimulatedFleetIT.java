package io.telltale.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.telltale.agent.sim.FleetSimulator;
import io.telltale.agent.sim.Scenario;
import io.telltale.agent.sim.Scenario.Change;
import io.telltale.agent.sim.Scenario.Device;
import io.telltale.agent.sim.ScenarioLoader;
import io.telltale.agent.sim.SimulationSummary;
import io.telltale.agent.transport.ObservationFillers;
import io.telltale.collector.ingest.StoredReportListener;
import io.telltale.collector.internal.Clock;
import io.telltale.collector.model.DeviceReport;
import io.telltale.collector.review.ReviewServices;
import io.telltale.collector.store.DeviceRecord;
import io.telltale.collector.store.InventoryChange;
import io.telltale.collector.store.InventoryKind;
import io.telltale.collector.store.StoredReport;
import io.telltale.collector.store.TelemetryStore;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet simulator (each device a real agent pipeline: spool, mutual TLS, the v1 protocol) against a real
 * collector on loopback with SQLite, through the production wiring. What the collector stores must be what
 * the scenario says: every device, every report once, the network each report came from, the inventory
 * changes at their time, and no hole where a device was offline, also when the collector itself was stopped
 * for a while under the running fleet.
 */
class SimulatedFleetIT {

  private static final Map<String, String> ENV =
      Map.of("TELLTALE_INGEST_TRUSTED_PROXIES", "127.0.0.1/32,::1/128", "TELLTALE_INGEST_HANDOFF_QUEUE", "100000");
  // Observation times are device clocks (skewed by a few seconds); reports are minutes apart.
  private static final Duration SLACK = Duration.ofMinutes(1);

  @TempDir Path work;

  /** "device/sequence" → how often ingest handed the report to detection (once per stored report). */
  private final Map<String, AtomicInteger> handedOff = new ConcurrentHashMap<>();
  private final StoredReportListener listener = r ->
      handedOff.computeIfAbsent(r.deviceId() + "/" + r.sequence(), k -> new AtomicInteger()).incrementAndGet();

  @Test
  void collectorStoppedForAWhileUnderARunningFleet_everyReportArrivesExactlyOnce() throws Exception {
    Scenario scenario = rebased(projectScenario());
    // Six scenario hours in about twelve seconds.
    double factor = scenario.hours() * 3600 / 12.0;
    Path data = work.resolve("data");
    AtomicReference<CollectorFixture> fixture =
        new AtomicReference<>(CollectorFixture.start(data, ENV, Clock.SYSTEM, listener));
    int port = fixture.get().port();
    ExecutorService runner = Executors.newSingleThreadExecutor();
    try {
      Future<SimulationSummary> run = runner.submit(() -> simulator(fixture.get(), scenario)
          .speedFactor(factor).build().run());
      // Down once every device delivered a report observed after hour 2 ...
      Instant hour2 = scenario.start().plus(Duration.ofHours(2));
      await().atMost(Duration.ofMinutes(2)).until(() -> devicesDeliveredAfter(fixture.get().collector.store(), hour2)
          == scenario.devices().size());
      fixture.get().close();
      Instant stoppedAt = Instant.now();
      // ... for 1.5 scenario hours of wall time, while the devices keep observing and spooling.
      Instant restartAt = stoppedAt.plusMillis((long) (Duration.ofMinutes(90).toMillis() / factor));
      await().atMost(Duration.ofMinutes(1)).until(() -> Instant.now().isAfter(restartAt));
      fixture.set(CollectorFixture.start(data, ENV, Clock.SYSTEM, listener, s -> ReviewServices.Detection.NONE, port));
      Instant restarted = Instant.now();

      SimulationSummary summary = run.get(5, TimeUnit.MINUTES);

      assertThat(summary.failures()).as("sends failed while the collector was down").isPositive();
      assertThat(summary.undelivered()).isZero();
      TelemetryStore store = fixture.get().collector.store();
      // Reports held back by the outage arrive from where the device is when it delivers them, which depends
      // on wall-clock timing here: their public IPs are not compared.
      assertMatchesScenario(scenario, summary, store, r -> r.receivedAt().isBefore(stoppedAt));
      long deliveredAfterRestart = summary.deviceIds().values().stream()
          .flatMap(id -> reports(store, id).stream())
          .filter(r -> r.observedAt().isBefore(restarted) && !r.receivedAt().isBefore(restarted)
              && r.observedAt().isAfter(hour2))
          .count();
      assertThat(deliveredAfterRestart).as("reports observed during the outage, delivered after it").isPositive();
      assertThat(handedOff).as("each stored once, none twice").hasSize((int) summary.reportsCreated())
          .allSatisfy((k, n) -> assertThat(n.get()).as(k).isEqualTo(1));
    } finally {
      runner.shutdownNow();
      fixture.get().close();
    }
  }

  @Test
  void maxSpeed_projectScenario_storedDataMatchesTheScenario() throws Exception {
    playAtMaxSpeedAndCheck(rebased(projectScenario()));
  }

  @Test
  void maxSpeed_sharedDemoScenario_storedDataMatchesTheScenario() throws Exception {
    Path demo = SharedScenarios.example("demo.json");
    assumeTrue(demo != null, "../shared/scenarios/examples/demo.json not present");
    playAtMaxSpeedAndCheck(rebased(ScenarioLoader.load(demo)));
  }

  private void playAtMaxSpeedAndCheck(Scenario scenario) throws Exception {
    try (CollectorFixture fixture = CollectorFixture.start(work.resolve("data"), ENV, Clock.SYSTEM, listener)) {
      SimulationSummary summary = simulator(fixture, scenario).speed(FleetSimulator.Speed.MAX).build().run();

      assertThat(summary.undelivered()).isZero();
      assertMatchesScenario(scenario, summary, fixture.collector.store(), r -> true);
    }
  }

  private static Scenario projectScenario() throws Exception {
    return ScenarioLoader.load(Path.of(SimulatedFleetIT.class.getResource("/scenarios/delivery-outage.json").toURI()));
  }

  /** Whole weeks later, ending just before now: certificates and times are plausible. */
  private static Scenario rebased(Scenario s) {
    return FleetSimulator.rebase(s, Instant.now());
  }

  private FleetSimulator.Builder simulator(CollectorFixture fixture, Scenario scenario) throws Exception {
    return FleetSimulator.builder().scenario(scenario)
        .collector("127.0.0.1:" + fixture.port())
        .token(fixture.token(Duration.ofHours(1), scenario.devices().size()))
        .caPem(Files.readString(fixture.collector.ca().certificateFile(), StandardCharsets.UTF_8))
        .sectionFillers(ObservationFillers.factory())
        .rebaseToNow(false)
        .stateDir(work.resolve("agents"))
        .flushTimeout(Duration.ofMinutes(2));
  }

  private static int devicesDeliveredAfter(TelemetryStore store, Instant t) {
    int n = 0;
    for (DeviceRecord d : store.devices().list()) {
      if (reports(store, d.id()).stream().anyMatch(r -> r.observedAt().isAfter(t))) {
        n++;
      }
    }
    return n;
  }

  private static List<DeviceReport> reports(TelemetryStore store, String deviceId) {
    return store.queries().reportsBetween(deviceId, 0, Long.MAX_VALUE, 1_000_000).stream()
        .map(StoredReport::report).toList();
  }

  /**
   * Devices, every report once with its observation time (offline periods leave no hole: their backlog
   * arrived), the public IP each report came from (for reports {@code onTime} says were delivered as the
   * scenario plays, i.e. not held back by a collector outage), and the inventory changes.
   */
  private static void assertMatchesScenario(Scenario scenario, SimulationSummary summary, TelemetryStore store,
      Predicate<DeviceReport> onTime) {
    int steps = scenario.hours() * 60 / scenario.reportIntervalMinutes();
    Duration interval = Duration.ofMinutes(scenario.reportIntervalMinutes());
    assertThat(store.devices().list()).extracting(DeviceRecord::hostname)
        .containsExactlyInAnyOrderElementsOf(scenario.devices().stream().map(Device::hostname).toList());
    assertThat(summary.reportsCreated()).isEqualTo((long) steps * scenario.devices().size());
    for (Device d : scenario.devices()) {
      String id = summary.deviceIds().get(d.hostname());
      List<DeviceReport> reports = reports(store, id);
      assertThat(reports).extracting(DeviceReport::sequence).as(d.hostname())
          .containsExactlyElementsOf(LongStream.rangeClosed(1, steps).boxed().toList());
      boolean anyOffline = false;
      for (int i = 0; i < steps; i++) {
        DeviceReport r = reports.get(i);
        Instant t = scenario.start().plus(interval.multipliedBy(i));
        anyOffline |= offlineAt(scenario, d, t);
        assertThat(Duration.between(t, r.observedAt()).abs()).as("%s #%d observed at", d.hostname(), i + 1)
            .isLessThan(SLACK);
        if (onTime.test(r)) {
          // An offline device delivers its backlog from where it is when it is back.
          assertThat(address(r.publicIp())).as("%s #%d came from", d.hostname(), i + 1)
              .isEqualTo(address(publicIp(scenario, d, deliveredAt(scenario, d, t))));
        }
      }
      assertChangesStored(scenario, d, store.queries().changes(id, scenario.start().minus(SLACK),
          scenario.end().plus(SLACK)), reports.stream().allMatch(onTime) && !anyOffline);
    }
  }

  /**
   * Process starts show up as inventory changes at the report after them; a move to another public IP as
   * the collector sees it (an offline device's backlog arrives from where it is when it is back) shows up
   * too, at the report after the move when {@code exactTimes} (nothing was held back), else at some point.
   */
  private static void assertChangesStored(Scenario scenario, Device d, List<InventoryChange> stored,
      boolean exactTimes) {
    Duration interval = Duration.ofMinutes(scenario.reportIntervalMinutes());
    for (Change c : d.changes()) {
      Instant at = scenario.start().plusMillis(Math.round(c.atHour() * 3_600_000));
      long step = (Duration.between(scenario.start(), at).toMillis() + interval.toMillis() - 1) / interval.toMillis();
      Instant seen = scenario.start().plus(interval.multipliedBy(step));
      if (!seen.isBefore(scenario.end()) || step == 0) {
        continue; // not observed inside the timeline, or part of the first inventory
      }
      Predicate<InventoryChange> onTime = x -> Duration.between(seen, x.at()).abs().compareTo(SLACK) < 0;
      Set<String> before = new HashSet<>(stateAt(scenario, d, seen.minus(interval)).processes);
      for (String p : stateAt(scenario, d, seen).processes) {
        if (!before.contains(p)) {
          assertThat(stored).as("%s: %s started at hour %s", d.hostname(), p, c.atHour())
              .anyMatch(x -> x.kind() == InventoryKind.PROCESS && x.appeared()
                  && x.itemKey().startsWith(p.toLowerCase(Locale.ROOT) + "|") && onTime.test(x));
        }
      }
      String ipBefore = publicIp(scenario, d, deliveredAt(scenario, d, seen.minus(interval)));
      String ip = publicIp(scenario, d, deliveredAt(scenario, d, seen));
      if (!ip.equals(ipBefore)) {
        assertThat(stored).as("%s: from %s at hour %s", d.hostname(), ip, c.atHour())
            .anyMatch(x -> x.kind() == InventoryKind.PUBLIC_IP && x.appeared() && address(x.itemKey()).equals(address(ip))
                && (!exactTimes || onTime.test(x)));
      }
    }
  }

  /** An IP literal as an address: "2001:db8::1" and "2001:db8:0:0:0:0:0:1" are the same (no DNS lookup). */
  private static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new AssertionError("not an IP address: " + literal, e);
    }
  }

  /** The first report time at or after {@code t} at which the device is not offline. */
  private static Instant deliveredAt(Scenario scenario, Device d, Instant t) {
    Duration interval = Duration.ofMinutes(scenario.reportIntervalMinutes());
    Instant s = t;
    while (offlineAt(scenario, d, s) && s.isBefore(scenario.end())) {
      s = s.plus(interval);
    }
    return s;
  }

  private static boolean offlineAt(Scenario scenario, Device d, Instant t) {
    for (Change c : d.changes()) {
      Instant from = scenario.start().plusMillis(Math.round(c.atHour() * 3_600_000));
      Instant to = scenario.start().plusMillis(Math.round((c.atHour() + c.offlineHours()) * 3_600_000));
      if (c.offlineHours() > 0 && !from.isAfter(t) && to.isAfter(t)) {
        return true;
      }
    }
    return false;
  }

  /** What the scenario says a device's network, VPN and processes are at {@code t} (changes in file order). */
  private record State(String network, Scenario.Vpn vpn, List<String> processes) {}

  private static State stateAt(Scenario scenario, Device d, Instant t) {
    State s = new State(d.initial().network(), d.initial().vpn(), d.initial().processes());
    for (Change c : d.changes()) {
      if (!scenario.start().plusMillis(Math.round(c.atHour() * 3_600_000)).isAfter(t)) {
        Scenario.ChangeSet set = c.set();
        s = new State(set.network() != null ? set.network() : s.network, set.setsVpn() ? set.vpn() : s.vpn,
            set.processes() != null ? new ArrayList<>(set.processes()) : s.processes);
      }
    }
    return s;
  }

  private static String publicIp(Scenario scenario, Device d, Instant t) {
    State s = stateAt(scenario, d, t);
    return scenario.networks().get(s.vpn != null ? s.vpn.exitNetwork() : s.network).publicIp();
  }
}
