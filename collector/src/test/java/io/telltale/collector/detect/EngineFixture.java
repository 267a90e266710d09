package io.telltale.collector.detect;

import io.telltale.collector.detect.geo.Cidr;
import io.telltale.collector.detect.geo.IpInfo;
import io.telltale.collector.detect.policy.PolicyRegistry;
import io.telltale.collector.detect.policy.PolicyVersions;
import io.telltale.collector.model.DeviceReport;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** A detection engine over in-memory parts with a settable clock; reports are processed synchronously. */
final class EngineFixture {

  final InMemoryFleet fleet = new InMemoryFleet();
  final InMemoryDetectionRepository repo = new InMemoryDetectionRepository();
  final Map<String, Employee> roster = new HashMap<>();
  /** IP intelligence, read live: entries put after the engine started count. */
  final Map<String, IpInfo> ips = new java.util.concurrent.ConcurrentHashMap<>();
  /** IP intelligence by prefix, asked when {@link #ips} has no entry for the address; read live too. */
  final Map<Cidr, IpInfo> prefixes = new java.util.concurrent.ConcurrentHashMap<>();
  final AtomicReference<Instant> now = new AtomicReference<>(TestObjects.T0);
  final Clock clock = new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  };
  final PolicyRegistry policies = PolicyRegistry.start(PolicyVersions.inMemory(), null, clock);
  /** Reports in the store that detection was not handed: it folds them in on {@code catchUpAll}. */
  private final List<DeviceReport> stored = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final ReportSource source = new ReportSource() {
    @Override
    public List<DeviceReport> reportsBetween(String deviceId, long afterSequence, long beforeSequence, int limit) {
      List<DeviceReport> between = stored.stream().filter(r -> r.deviceId().equals(deviceId)
          && r.sequence() > afterSequence && r.sequence() < beforeSequence)
          .sorted(java.util.Comparator.comparingLong(DeviceReport::sequence)).toList();
      return between.subList(Math.max(0, between.size() - limit), between.size());
    }

    @Override
    public Map<String, Long> lastSequences() {
      Map<String, Long> last = new HashMap<>();
      stored.forEach(r -> last.merge(r.deviceId(), r.sequence(), Math::max));
      return last;
    }
  };
  private DetectionEngine engine;

  DetectionEngine engine() {
    if (engine == null) {
      engine = new DetectionEngine(TestObjects.CATALOGUE, policies, repo, fleet, source, () -> new Roster(roster),
          ip -> java.util.Optional.ofNullable(ips.get(ip)).or(() -> prefixes.entrySet().stream()
              .filter(p -> p.getKey().contains(ip)).map(Map.Entry::getValue).findFirst()), clock, 1000,
          DetectionEngine.DEFAULT_CACHE_DEVICES);
    }
    return engine;
  }

  /**
   * Another collector's engine on the same database: the same repository, fleet, roster and policy, its own
   * caches. Reports are not fed to it; it evaluates what the shared store holds.
   */
  DetectionEngine otherCollector() {
    return new DetectionEngine(TestObjects.CATALOGUE, policies, repo, fleet, source, () -> new Roster(roster),
        ip -> java.util.Optional.ofNullable(ips.get(ip)), clock, 1000, DetectionEngine.DEFAULT_CACHE_DEVICES);
  }

  /** Assigns the device built by {@code TestObjects.report(deviceId)} to an employee. */
  void assign(String deviceId, Employee e) {
    roster.put("SN-" + deviceId, e);
  }

  void feed(DeviceReport r) {
    fleet.merge(r);
    engine().processNow(r);
  }

  /** A report the store accepted but detection was not handed (dropped hand-off, another collector). */
  void store(DeviceReport r) {
    fleet.merge(r);
    stored.add(r);
  }

  Verdict verdictAt(String deviceId, Instant at) {
    now.set(at);
    return engine().evaluate(deviceId).orElseThrow();
  }
}
