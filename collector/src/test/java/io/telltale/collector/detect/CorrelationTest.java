package io.telltale.collector.detect;

import static io.telltale.collector.detect.TestObjects.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.telltale.collector.detect.geo.Cidr;
import io.telltale.collector.detect.geo.IpInfo;
import io.telltale.collector.detect.geo.IpKind;
import io.telltale.collector.detect.policy.PolicyRegistry;
import io.telltale.collector.model.IpAddresses;
import io.telltale.collector.model.NetworkFacts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Fleet correlation through the engine: which shared keys link devices of different employees, and which never do. */
class CorrelationTest {

  private final EngineFixture fx = new EngineFixture();
  private static final Instant END = T0.plus(Duration.ofHours(25));

  /** Hourly reports of one device from {@code fromHour} for {@code hours} hours, in its own house by default. */
  private void hours(String id, int fromHour, int hours, String ip, UnaryOperator<ReportBuilder> more) {
    for (int h = fromHour; h < fromHour + hours; h++) {
      fx.feed(more.apply(report(id).seq(h).at(Duration.ofHours(h)).ip(ip).software(plainSoftware())
          .network(network("hmac:gw-" + id, "hmac:bssid-" + id, List.of()))
          .hardware(hardware(List.of(), List.of(PANEL)))).build());
    }
  }

  private void employees(String... devices) {
    for (String d : devices) {
      fx.assign(d, employee("emp-" + d, "TX", "America/Chicago"));
    }
  }

  private Signals.ClusterSig cluster(String id, Instant at) {
    fx.now.set(at);
    return fx.engine().signals(id).orElseThrow().cluster();
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.1", "127.0.0.1", "192.168.1.1", "172.20.0.1", "100.64.12.7", "169.254.1.1",
      "0.0.0.0", "::1", "fd00::1", "fe80::1", "::ffff:10.0.0.1", "not-an-ip"})
  void aNonPublicAddressReportedAsThePublicIp_linksNobody(String ip) {
    employees("p1", "p2", "p3");
    for (String d : List.of("p1", "p2", "p3")) {
      hours(d, 1, 24, ip, b -> b);
    }
    assertThat(cluster("p1", END).member()).isFalse();
    Verdict v = fx.verdictAt("p2", END);
    assertThat(v.clusterId()).isNull();
    assertThat(v.flagged()).isFalse();
  }

  @Test
  void aNonPublicAddressDeclaredAsTheIntelsResidentialNetwork_stillLinksNobody() {
    fx.ips.put("10.1.2.3", residential("TX"));
    employees("p1", "p2", "p3");
    for (String d : List.of("p1", "p2", "p3")) {
      hours(d, 1, 24, "10.1.2.3", b -> b);
    }
    assertThat(cluster("p1", END).member()).isFalse();
  }

  @Test
  void documentationRangeAddresses_linkOnlyWhereIpIntelligenceKnowsThem() {
    fx.ips.put("203.0.113.77", residential("TX"));
    employees("u1", "u2", "u3", "k1", "k2", "k3");
    for (String d : List.of("u1", "u2", "u3")) {
      hours(d, 1, 24, "198.51.100.7", b -> b);
    }
    for (String d : List.of("k1", "k2", "k3")) {
      hours(d, 1, 24, "203.0.113.77", b -> b);
    }
    assertThat(cluster("u1", END).member()).isFalse();
    Signals.ClusterSig known = cluster("k1", END);
    assertThat(known.member()).isTrue();
    assertThat(known.employees()).isEqualTo(3);
    assertThat(known.linkKinds()).containsExactly("public_ip");
    assertThat(fx.verdictAt("k1", END).reasons()).contains("cluster.farm");
  }

  @Test
  void aRoutableAddressUnknownToIpIntelligence_links() {
    employees("r1", "r2", "r3");
    for (String d : List.of("r1", "r2", "r3")) {
      hours(d, 1, 24, "81.2.69.160", b -> b);
    }
    assertThat(cluster("r1", END).linkKinds()).containsExactly("public_ip");
  }

  @Test
  void twoEmployeesBehindOneIpv6Address_writtenDifferently_link_whereAnIpv6PrefixInIpIntelligenceKnowsIt() {
    fx.prefixes.put(Cidr.parse("2001:0DB8:0000:0000::/48"), residential("TX"));
    employees("s1", "s2");
    // Each laptop's proxy wrote the address its own way; ingest hands detection its one form (IpAddresses).
    hours("s1", 1, 24, IpAddresses.canonical("2001:DB8:0:0:1::1"), b -> b);
    hours("s2", 1, 24, IpAddresses.canonical("2001:0db8:0000:0000:0001:0000:0000:0001"), b -> b);
    Signals.ClusterSig c = cluster("s1", END);
    assertThat(c.member()).isTrue();
    assertThat(c.employees()).isEqualTo(2);
    assertThat(c.linkKinds()).containsExactly("public_ip");
    assertThat(fx.engine().signals("s2").orElseThrow().geo().ip()).isEqualTo("2001:db8::1:0:0:1");
  }

  @Test
  void mobileVpnAndHostingExits_neverLinkByIp() {
    fx.ips.put("198.51.100.60", new IpInfo("US", "TX", "", 21928, "T-Mobile USA", IpKind.MOBILE));
    fx.ips.put("198.51.100.61", new IpInfo("US", "TX", "", 9009, "M247", IpKind.VPN));
    fx.ips.put("198.51.100.62", new IpInfo("US", "VA", "", 16509, "Amazon", IpKind.HOSTING));
    employees("m1", "m2", "m3", "v1", "v2", "v3", "h1", "h2", "h3");
    for (String d : List.of("m1", "m2", "m3")) {
      hours(d, 1, 24, "198.51.100.60", b -> b);
    }
    for (String d : List.of("v1", "v2", "v3")) {
      hours(d, 1, 24, "198.51.100.61", b -> b);
    }
    for (String d : List.of("h1", "h2", "h3")) {
      hours(d, 1, 24, "198.51.100.62", b -> b);
    }
    assertThat(List.of("m1", "v1", "h1")).allSatisfy(d -> assertThat(cluster(d, END).member()).as(d).isFalse());
  }

  @Test
  void gatewayMacAlone_linksDevicesOnDifferentAddresses() {
    employees("g1", "g2", "g3");
    NetworkFacts lan = network("hmac:gw-shared", "", List.of());
    hours("g1", 1, 24, "81.2.69.161", b -> b.network(lan));
    hours("g2", 1, 24, "81.2.69.162", b -> b.network(lan));
    hours("g3", 1, 24, "81.2.69.163", b -> b.network(lan));
    Signals.ClusterSig c = cluster("g1", END);
    assertThat(c.linkKinds()).containsExactly("gateway_mac");
    assertThat(c.lanLink()).isTrue();
    assertThat(c.employees()).isEqualTo(3);
  }

  @Test
  void kvmOnTheLansOfTwoHouses_linksThem_andTheKvmMakesTwoEmployeesAFarm() {
    employees("n1", "n2");
    NetworkFacts.Neighbor kvm = neighbor("30:52:53:12:34:56", "");
    hours("n1", 1, 24, "81.2.69.171",
        b -> b.network(network("hmac:gw-n1", "hmac:bssid-n1", List.of(kvm))));
    hours("n2", 1, 24, "81.2.69.172",
        b -> b.network(network("hmac:gw-n2", "hmac:bssid-n2", List.of(kvm))));
    Signals.ClusterSig c = cluster("n1", END);
    assertThat(c.linkKinds()).containsExactly("kvm_neighbor");
    assertThat(c.hardwareLink()).isTrue();
    assertThat(c.kvmEvidence()).isTrue();
    Verdict v = fx.verdictAt("n2", END);
    assertThat(v.reasons()).contains("cluster.farm", "kvm.on_lan");
    assertThat(v.flagged()).isTrue();
  }

  @Test
  void clonedMonitorAcrossEmployees_links_butAKvmFirmwareDefaultEdidDoesNot() {
    employees("c1", "c2", "d1", "d2");
    hours("c1", 1, 24, "81.2.69.181", b -> b.hardware(hardware(List.of(), List.of(PANEL, IMPORTED_EDID))));
    hours("c2", 1, 24, "81.2.69.182", b -> b.hardware(hardware(List.of(), List.of(PANEL, IMPORTED_EDID))));
    hours("d1", 1, 24, "81.2.69.183", b -> b.hardware(hardware(List.of(), List.of(PANEL, PIKVM_EDID))));
    hours("d2", 1, 24, "81.2.69.184", b -> b.hardware(hardware(List.of(), List.of(PANEL, PIKVM_EDID))));
    Signals.ClusterSig cloned = cluster("c1", END);
    assertThat(cloned.linkKinds()).containsExactly("edid");
    assertThat(cloned.employees()).isEqualTo(2);
    // Two employees and no KVM evidence: a shared monitor model alone does not make a farm.
    assertThat(fx.verdictAt("c1", END).reasons()).doesNotContain("cluster.farm");
    assertThat(cluster("d1", END).member()).isFalse();
    assertThat(fx.verdictAt("d1", END).reasons()).contains("kvm.default_edid").doesNotContain("cluster.farm");
  }

  @Test
  void declaredCompanyNetwork_linksNobody_evenWhereIpIntelligenceCallsItResidential() {
    String policy = PolicyRegistry.defaultText().replace("  networks: []",
        "  networks:\n    - cidr: 203.0.113.0/24\n      name: HQ");
    assertThat(fx.policies.apply("test", policy).ok()).isTrue();
    fx.ips.put("203.0.113.50", residential("TX"));
    employees("o1", "o2", "o3", "o4");
    NetworkFacts office = network("hmac:gw-hq", "hmac:bssid-hq", List.of());
    for (String d : List.of("o1", "o2", "o3", "o4")) {
      hours(d, 1, 24, "203.0.113.50", b -> b.network(office));
    }
    assertThat(cluster("o1", END).member()).isFalse();
    Signals s = fx.engine().signals("o1").orElseThrow();
    assertThat(s.geo().declaredNetwork()).isTrue();
    assertThat(fx.verdictAt("o1", END).flagged()).isFalse();
  }

  @Test
  void declaredIpv6CompanyNetwork_howeverWritten_linksNobody() {
    String policy = PolicyRegistry.defaultText().replace("  networks: []",
        "  networks:\n    - cidr: 2001:DB8:0:BEEF:0:0:0:0/64\n      name: HQ");
    assertThat(fx.policies.apply("test", policy).ok()).isTrue();
    fx.prefixes.put(Cidr.parse("2001:db8::/32"), residential("TX"));
    employees("q1", "q2", "q3");
    NetworkFacts office = network("hmac:gw-hq6", "hmac:bssid-hq6", List.of());
    for (String d : List.of("q1", "q2", "q3")) {
      hours(d, 1, 24, "2001:db8:0:beef::50", b -> b.network(office));
    }
    assertThat(cluster("q1", END).member()).isFalse();
    assertThat(fx.engine().signals("q1").orElseThrow().geo().declaredNetwork()).isTrue();
  }

  @Test
  void keysSharedFurtherApartThanTheWindow_doNotLink_andLinksAgeOut() {
    employees("w1", "w2", "x1", "x2", "x3");
    NetworkFacts lan = network("hmac:gw-w", "hmac:bssid-w", List.of());
    hours("w1", 1, 6, "81.2.69.191", b -> b.network(lan));
    hours("w2", 24 * 9, 6, "81.2.69.192", b -> b.network(lan)); // nine days later: outside the 7-day window
    assertThat(cluster("w2", T0.plus(Duration.ofDays(9).plusHours(7))).member()).isFalse();

    NetworkFacts house = network("hmac:gw-x", "hmac:bssid-x", List.of());
    for (String d : List.of("x1", "x2", "x3")) {
      hours(d, 1, 6, "81.2.69.193", b -> b.network(house));
    }
    assertThat(cluster("x1", T0.plus(Duration.ofHours(7))).member()).isTrue();
    // Asked again later: the component is recomputed at the new "now", not taken from the earlier answer.
    assertThat(cluster("x1", T0.plus(Duration.ofDays(9))).member()).isFalse();
    assertThat(fx.verdictAt("x1", T0.plus(Duration.ofDays(9))).clusterId()).isNull();
  }

  @Test
  void oneEmployeesTwoLaptops_areNotACluster() {
    fx.assign("l1", employee("emp-same", "TX", "America/Chicago"));
    fx.assign("l2", employee("emp-same", "TX", "America/Chicago"));
    NetworkFacts home = network("hmac:gw-l", "hmac:bssid-l", List.of());
    hours("l1", 1, 24, "81.2.69.201", b -> b.network(home));
    hours("l2", 1, 24, "81.2.69.201", b -> b.network(home));
    assertThat(cluster("l1", END).member()).isFalse();
  }
}
