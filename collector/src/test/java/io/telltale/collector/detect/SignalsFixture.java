package io.telltale.collector.detect;

import static io.telltale.collector.detect.TestObjects.*;

import io.telltale.collector.detect.geo.IpIntel;
import java.time.Duration;
import java.util.List;

/** Signals computed from small canned states, for policy tests. */
public final class SignalsFixture {

  private SignalsFixture() {}

  /** HOST-1 with a PiKVM plugged in. */
  public static Signals withKvmIdentity() {
    var report = report("host-1").hardware(hardware(List.of(PIKVM_USB), List.of(PANEL))).build();
    InMemoryFleet fleet = new InMemoryFleet();
    fleet.merge(report);
    DeviceFacts facts = fleet.facts("host-1").orElseThrow();
    facts = new DeviceFacts(facts.deviceId(), "HOST-1", facts.hardwareSerial(), facts.os(), facts.firstSeen(),
        facts.lastSeen(), facts.lastPublicIp(), facts.clockOffsetMs(), facts.system(), facts.software(),
        facts.hardware(), facts.network(), facts.locale(), facts.power(), facts.sessions());
    var x = new EvidenceExtractor(CATALOGUE).extract(report);
    List<EvidenceRecord> ev = x.evidence().stream().map(e -> new EvidenceRecord(e, x.seenAt(), x.seenAt())).toList();
    return new SignalComputer(CATALOGUE).compute(new SignalInput(facts, ev, x.hours(), null, IpIntel.none(), null,
        Approvals.none(), T0, Duration.ofDays(14), Duration.ofHours(48)));
  }
}
