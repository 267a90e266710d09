package io.telltale.collector.detect;

import static io.telltale.collector.detect.TestObjects.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.telltale.collector.detect.policy.PolicyRegistry;
import io.telltale.collector.model.NetworkFacts;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code policy test}: each policy's verdicts with that policy's windows, whatever the other one computed. */
class PolicyTesterTest {

  private final EngineFixture fx = new EngineFixture();

  /** Hourly reports of one device on the first day, in a house with the given public IP. */
  private void firstDay(String id, String ip, NetworkFacts net, List<io.telltale.collector.model.HardwareFacts.UsbDevice> usb) {
    fx.assign(id, employee("emp-" + id, "TX", "America/Chicago"));
    for (int h = 1; h <= 24; h++) {
      fx.feed(report(id).seq(h).at(Duration.ofHours(h)).ip(ip).network(net).software(plainSoftware())
          .hardware(hardware(usb, List.of(PANEL))).build());
    }
  }

  private PolicyTester.Report test(String from, String to) {
    String candidate = PolicyRegistry.defaultText().replaceFirst(from, to);
    assertThat(candidate).isNotEqualTo(PolicyRegistry.defaultText());
    PolicyTester.Report r = new PolicyTester(fx.engine()).test("candidate.yaml", candidate);
    assertThat(r.problems()).isEmpty();
    return r;
  }

  @Test
  void aShorterClusterWindow_isTestedWithTheClustersItSees() {
    fx.ips.put("192.0.2.90", residential("AZ"));
    NetworkFacts house = network("hmac:gw-pt", "hmac:bssid-pt", List.of());
    for (String d : List.of("a", "b", "c")) {
      firstDay(d, "192.0.2.90", house, List.of());
    }
    fx.now.set(T0.plus(Duration.ofDays(4))); // the day together is inside the live 7-day window, not inside 1 day
    PolicyTester.Report r = test("cluster_window_days: 7", "cluster_window_days: 1");
    assertThat(r.devices()).isEqualTo(3);
    assertThat(r.changes()).extracting(PolicyTester.Change::deviceId).containsExactlyInAnyOrder("a", "b", "c");
    assertThat(r.changes()).allSatisfy(c -> {
      assertThat(c.before().reasons()).contains("cluster.farm");
      assertThat(c.before().clusterId()).isNotNull();
      assertThat(c.after().clusterId()).isNull();
      assertThat(c.after().flagged()).isFalse();
    });
  }

  @Test
  void aShorterLookback_judgesAClusterByItsMembersEvidenceInThatLookback() {
    fx.ips.put("192.0.2.91", residential("AZ"));
    NetworkFacts house = network("hmac:gw-lb", "hmac:bssid-lb", List.of());
    firstDay("kvm", "192.0.2.91", house, List.of(PIKVM_USB));
    firstDay("mate", "192.0.2.91", house, List.of());
    fx.now.set(T0.plus(Duration.ofDays(5))); // the PiKVM was last seen four days ago: outside a 3-day lookback
    PolicyTester.Report r = test("lookback_days: 14", "lookback_days: 3");
    PolicyTester.Change mate = r.changes().stream().filter(c -> c.deviceId().equals("mate")).findFirst().orElseThrow();
    assertThat(mate.before().reasons()).contains("cluster.farm"); // two employees on one LAN, one with a KVM
    assertThat(mate.after().clusterId()).isEqualTo(mate.before().clusterId()); // still linked within 7 days
    assertThat(mate.after().reasons()).doesNotContain("cluster.farm");
    assertThat(mate.after().flagged()).isFalse();
  }
}
