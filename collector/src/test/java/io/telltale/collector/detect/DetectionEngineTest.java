package io.telltale.collector.detect;

import static io.telltale.collector.detect.TestObjects.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.telltale.collector.detect.geo.IpInfo;
import io.telltale.collector.detect.geo.IpKind;
import io.telltale.collector.detect.policy.ApplyResult;
import io.telltale.collector.detect.policy.PolicyRegistry;
import io.telltale.collector.detect.policy.PolicySet;
import io.telltale.collector.model.DeviceReport;
import io.telltale.collector.model.LocaleFacts;
import io.telltale.collector.model.NetworkFacts;
import io.telltale.collector.model.SessionFacts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class DetectionEngineTest {

  private final EngineFixture fx = new EngineFixture();
  private static final Instant END = T0.plus(Duration.ofHours(24));

  /** Hourly reports of one device for a day. */
  private void day(String id, String ip, NetworkFacts net, java.util.function.UnaryOperator<TestObjects.ReportBuilder> more) {
    for (int h = 1; h <= 24; h++) {
      fx.feed(more.apply(report(id).seq(h).at(Duration.ofHours(h)).ip(ip).network(net).software(plainSoftware())
          .hardware(hardware(List.of(), List.of(PANEL)))).build());
    }
  }

  private void home(String ip, String region) {
    fx.ips.put(ip, residential(region));
  }

  @Test
  void threeEmployeesInOneHouse_areAClusterThatFlagsEveryMember() {
    home("192.0.2.48", "AZ");
    NetworkFacts house = network("hmac:gw-mesa", "hmac:bssid-mesa", List.of());
    for (String d : List.of("a", "b", "c")) {
      fx.assign(d, employee("emp-" + d, "TX", "America/Chicago"));
      day(d, "192.0.2.48", house, b -> b);
    }
    Verdict a = fx.verdictAt("a", END);
    assertThat(a.flagged()).isTrue();
    assertThat(a.reasons()).contains("cluster.farm");
    assertThat(a.clusterId()).isNotNull().isEqualTo(fx.verdictAt("c", END).clusterId());
    Finding cluster = a.findings().stream().filter(f -> f.ruleId().equals("cluster.farm")).findFirst().orElseThrow();
    assertThat(cluster.evidence()).extracting(Evidence::summary)
        .anyMatch(s -> s.contains("Wi-Fi BSSID") && s.contains("B"))
        .anyMatch(s -> s.contains("3 devices of 3 employees"));
  }

  @Test
  void coupleSharingAHome_isNotAFarm() {
    home("198.51.100.188", "MN");
    NetworkFacts house = network("hmac:gw-oak", "hmac:bssid-oak", List.of());
    fx.assign("x", employee("emp-x", "MN", "America/Chicago"));
    fx.assign("y", employee("emp-y", "MN", "America/Chicago"));
    day("x", "198.51.100.188", house, b -> b);
    day("y", "198.51.100.188", house, b -> b);
    Verdict v = fx.verdictAt("x", END);
    assertThat(v.flagged()).isFalse();
    assertThat(v.clusterId()).isNotNull();
    assertThat(v.reasons()).doesNotContain("cluster.farm");
  }

  @Test
  void twoHousesOfOneFacilitator_joinThroughAClonedMonitor() {
    home("192.0.2.1", "NV");
    home("192.0.2.2", "NV");
    NetworkFacts houseA = network("hmac:gw-a", "hmac:bssid-a", List.of());
    NetworkFacts houseB = network("hmac:gw-b", "hmac:bssid-b", List.of());
    for (String d : List.of("a1", "a2", "b1", "b2")) {
      fx.assign(d, employee("emp-" + d, "GA", "America/New_York"));
    }
    day("a1", "192.0.2.1", houseA, b -> b.hardware(hardware(List.of(), List.of(PANEL, IMPORTED_EDID))));
    day("a2", "192.0.2.1", houseA, b -> b);
    day("b1", "192.0.2.2", houseB, b -> b.hardware(hardware(List.of(), List.of(PANEL, IMPORTED_EDID))));
    day("b2", "192.0.2.2", houseB, b -> b);
    Verdict v = fx.verdictAt("b2", END);
    assertThat(v.clusterId()).isEqualTo(fx.verdictAt("a2", END).clusterId());
    assertThat(v.flagged()).isTrue();
    Signals s = fx.engine().signals("b2").orElseThrow();
    assertThat(s.cluster().employees()).isEqualTo(4);
    assertThat(s.cluster().linkKinds()).contains("edid", "bssid");
  }

  @Test
  void coworkingSpace_linksNobody() {
    fx.ips.put("198.51.100.227", new IpInfo("US", "TX", "Austin", 7018, "AT&T", IpKind.BUSINESS));
    NetworkFacts cowork = network("hmac:gw-cowork", "hmac:bssid-cowork", List.of());
    for (String d : List.of("p", "q", "r", "s")) {
      fx.assign(d, employee("emp-" + d, "TX", "America/Chicago"));
      day(d, "198.51.100.227", cowork, b -> b);
    }
    Verdict v = fx.verdictAt("p", END);
    assertThat(v.clusterId()).isNull();
    assertThat(v.flagged()).isFalse();
  }

  @Test
  void spoofedKvmOnAHeadlessLaptop_flagsOnTwoIndependentGroups() {
    home("203.0.113.9", "OH");
    fx.assign("k", employee("emp-k", "OH", "America/New_York"));
    day("k", "203.0.113.9", network("hmac:gw-k", "hmac:bssid-k", List.of()),
        b -> b.power(true, false).hardware(hardware(List.of(SPOOFED_KVM_USB), List.of(PANEL))));
    Verdict v = fx.verdictAt("k", END);
    assertThat(v.reasons()).contains("kvm.usb_structure", "posture.headless");
    assertThat(v.flagged()).isTrue();
    assertThat(v.findings()).filteredOn(f -> f.ruleId().equals("kvm.usb_structure")).singleElement()
        .satisfies(f -> assertThat(f.evidence()).extracting(Evidence::summary)
            .anyMatch(s -> s.contains("046d:c31c") && s.contains("mass_storage")));
  }

  @Test
  void oneWeakSignal_neverFlags() {
    home("203.0.113.20", "IL");
    fx.assign("j", employee("emp-j", "IL", "America/Chicago"));
    day("j", "203.0.113.20", network("hmac:gw-j", "hmac:bssid-j", List.of()),
        b -> b.software(software(List.of("MouseJiggler.exe"), List.of(), List.of(), List.of())));
    Verdict v = fx.verdictAt("j", END);
    assertThat(v.reasons()).containsExactly("jiggler.present");
    assertThat(v.flagged()).isFalse();
  }

  @Test
  void approvedRemoteTool_isNotHeldAgainstTheEmployee() {
    String policy = io.telltale.collector.detect.policy.PolicyRegistry.defaultText()
        .replace("  remote_tools: []", "  remote_tools:\n    - family: TeamViewer\n      groups: [it-support]\n"
            + "      reason: IT support");
    assertThat(fx.policies.apply("test", policy).ok()).isTrue();
    home("203.0.113.215", "OH");
    fx.assign("it", employee("emp-it", "OH", "America/New_York", "it-support"));
    fx.assign("other", employee("emp-o", "OH", "America/New_York"));
    SoftwareFactsHolder tv = new SoftwareFactsHolder();
    day("it", "203.0.113.215", network("hmac:gw-it", "hmac:bssid-it", List.of()), b -> b.software(tv.teamViewer()));
    home("203.0.113.216", "OH");
    day("other", "203.0.113.216", network("hmac:gw-o", "hmac:bssid-o", List.of()), b -> b.software(tv.teamViewer()));
    assertThat(fx.verdictAt("it", END).reasons()).doesNotContain("remote.unsanctioned_tool");
    assertThat(fx.engine().signals("it").orElseThrow().remote().approved()).containsExactly("TeamViewer");
    Verdict other = fx.verdictAt("other", END);
    assertThat(other.reasons()).contains("remote.unsanctioned_tool");
    assertThat(other.flagged()).isFalse();
  }

  @Test
  void approvingAToolLater_takesItsStoredSessionsOutOfTheRemoteHours_unapprovedOnesStillCount() {
    home("203.0.113.217", "OH");
    home("203.0.113.218", "OH");
    fx.assign("helped", employee("emp-h", "OH", "America/New_York", "it-support"));
    fx.assign("farm", employee("emp-f", "OH", "America/New_York", "it-support"));
    SoftwareFactsHolder tv = new SoftwareFactsHolder();
    day("helped", "203.0.113.217", network("hmac:gw-hp", "hmac:bssid-hp", List.of()),
        b -> b.software(tv.teamViewer()).sessions(remoteToolSessions("TeamViewer")));
    day("farm", "203.0.113.218", network("hmac:gw-fm", "hmac:bssid-fm", List.of()),
        b -> b.software(anyDesk()).sessions(remoteToolSessions("AnyDesk")));
    assertThat(fx.verdictAt("helped", END).reasons()).contains("remote.driven_remotely");

    String policy = io.telltale.collector.detect.policy.PolicyRegistry.defaultText()
        .replace("  remote_tools: []", "  remote_tools:\n    - family: TeamViewer\n      groups: [it-support]\n"
            + "      reason: IT support");
    assertThat(fx.policies.apply("test", policy).ok()).isTrue();
    Verdict helped = fx.verdictAt("helped", END);
    assertThat(helped.reasons()).doesNotContain("remote.driven_remotely", "remote.unsanctioned_tool");
    assertThat(fx.engine().signals("helped").orElseThrow().evidence())
        .filteredOn(e -> e.signal().equals("remote.session")).singleElement()
        .satisfies(e -> assertThat(e.summary()).endsWith("(approved: IT support)"));
    Verdict farm = fx.verdictAt("farm", END);
    assertThat(farm.reasons()).contains("remote.driven_remotely", "remote.unsanctioned_tool");
    assertThat(fx.engine().signals("farm").orElseThrow().remote().sessionHours()).isEqualTo(24);
  }

  @Test
  void traveller_inAHotelInAnotherState_isNotFlagged() {
    fx.ips.put("203.0.113.69", new IpInfo("US", "CO", "Denver", 64501, "Summit Hospitality", IpKind.BUSINESS));
    fx.assign("t", employee("emp-t", "IL", "America/Chicago"));
    day("t", "203.0.113.69", network("hmac:gw-hotel", "hmac:bssid-hotel", List.of()),
        b -> b.locale(new LocaleFacts("America/Denver", -360, "en-US", List.of("en-US"))));
    Verdict v = fx.verdictAt("t", END);
    assertThat(v.flagged()).isFalse();
    assertThat(v.reasons()).contains("clock.timezone_mismatch");
  }

  @Test
  void remoteToolDrivenAtNight_flagsWithoutAnyKvmOrCluster() {
    home("203.0.113.30", "NC");
    fx.assign("n", employee("emp-n", "NC", "America/New_York"));
    NetworkFacts net = network("hmac:gw-n", "hmac:bssid-n", List.of());
    SessionFacts remote = new SessionFacts(List.of(new SessionFacts.Session(SessionFacts.Kind.REMOTE_TOOL, "u",
        "AnyDesk", "203.0.113.175", null)), null, null, 0, false);
    for (int h = 1; h <= 24; h++) {
      int localHour = (h + 24 - 4) % 24; // New York is UTC-4 in June
      boolean night = localHour >= 22 || localHour < 5;
      TestObjects.ReportBuilder b = report("n").seq(h).at(Duration.ofHours(h)).ip("203.0.113.30").network(net)
          .software(anyDesk()).hardware(hardware(List.of(), List.of(PANEL))).sessions(remote);
      if (night) {
        b.activity(60, 0, 8, 0, 0, "");
      }
      fx.feed(b.build());
    }
    Verdict v = fx.verdictAt("n", END);
    assertThat(v.reasons()).contains("remote.unsanctioned_tool", "remote.driven_remotely", "hours.night_work");
    assertThat(v.flagged()).isTrue();
  }

  @Test
  void uninstalledTool_staysOnRecordWithinTheLookback() {
    home("203.0.113.40", "NC");
    fx.assign("u", employee("emp-u", "NC", "America/New_York"));
    NetworkFacts net = network("hmac:gw-u", "hmac:bssid-u", List.of());
    fx.feed(report("u").seq(1).at(Duration.ofHours(1)).ip("203.0.113.40").network(net).software(anyDesk()).build());
    fx.feed(report("u").seq(2).at(Duration.ofHours(30)).ip("203.0.113.40").network(net).software(plainSoftware()).build());
    assertThat(fx.verdictAt("u", T0.plus(Duration.ofHours(31))).reasons()).contains("remote.unsanctioned_tool");
    assertThat(fx.verdictAt("u", T0.plus(Duration.ofDays(20))).reasons()).doesNotContain("remote.unsanctioned_tool");
  }

  @Test
  void verdict_doesNotDependOnReportOrder() {
    List<DeviceReport> reports = new ArrayList<>();
    home("192.0.2.77", "AZ");
    NetworkFacts house = network("hmac:gw-z", "hmac:bssid-z", List.of());
    for (String d : List.of("z1", "z2", "z3")) {
      for (int h = 1; h <= 12; h++) {
        reports.add(report(d).seq(h).at(Duration.ofHours(h)).ip("192.0.2.77").network(house).software(anyDesk())
            .activity(30, 0, 5, 0, 0, "").build());
      }
    }
    EngineFixture other = new EngineFixture();
    for (String d : List.of("z1", "z2", "z3")) {
      fx.assign(d, employee("emp-" + d, "TX", "America/Chicago"));
      other.assign(d, employee("emp-" + d, "TX", "America/Chicago"));
    }
    other.ips.putAll(fx.ips);
    reports.forEach(fx::feed);
    List<DeviceReport> shuffled = new ArrayList<>(reports);
    Collections.shuffle(shuffled, new Random(7));
    shuffled.forEach(other::feed);
    for (String d : List.of("z1", "z2", "z3")) {
      Verdict a = fx.verdictAt(d, END);
      Verdict b = other.verdictAt(d, END);
      assertThat(b.sameOutcome(a)).as(d).isTrue();
      assertThat(b.findings()).isEqualTo(a.findings());
    }
  }

  @Test
  void outcomeChanges_areKeptAsHistory() {
    home("192.0.2.5", "AZ");
    fx.assign("h", employee("emp-h", "AZ", "America/Phoenix"));
    fx.feed(report("h").seq(1).at(Duration.ofHours(1)).ip("192.0.2.5").software(plainSoftware()).build());
    fx.verdictAt("h", T0.plus(Duration.ofHours(1)));
    fx.feed(report("h").seq(2).at(Duration.ofHours(2)).ip("192.0.2.5")
        .hardware(hardware(List.of(PIKVM_USB), List.of(PANEL))).build());
    fx.verdictAt("h", T0.plus(Duration.ofHours(2)));
    fx.verdictAt("h", T0.plus(Duration.ofHours(3)));
    List<Verdict> history = fx.repo.history("h");
    assertThat(history).extracting(Verdict::flagged).containsExactly(false, true);
  }

  @Test
  void policyReload_reEvaluatesEveryDevice_andARejectedPolicyChangesNothing() throws Exception {
    home("203.0.113.50", "OH");
    fx.assign("p", employee("emp-p", "OH", "America/New_York"));
    day("p", "203.0.113.50", network("hmac:gw-p", "hmac:bssid-p", List.of()), b -> b.software(anyDesk()));
    fx.now.set(END);
    DetectionEngine engine = fx.engine();
    assertThat(engine.evaluate("p").orElseThrow().flagged()).isFalse();
    String strict = PolicyRegistry.defaultText().replaceFirst("(?m)^flag_threshold: \\d+", "flag_threshold: 40")
        .replaceFirst("(?m)^min_groups: \\d+", "min_groups: 1");
    engine.start();
    try {
      assertThat(fx.policies.apply("test", strict).ok()).isTrue();
      assertThat(engine.awaitIdle(Duration.ofSeconds(30))).isTrue();
      Verdict strictVerdict = engine.repository().verdict("p").orElseThrow();
      assertThat(strictVerdict.flagged()).isTrue();
      assertThat(strictVerdict.policyVersion()).isEqualTo(fx.policies.current().version());

      ApplyResult rejected = fx.policies.apply("test", strict + "\n  - id: broken.rule\n    condition: kvm.nope\n");
      assertThat(rejected.ok()).isFalse();
      assertThat(rejected.problems()).isNotEmpty();
      assertThat(engine.awaitIdle(Duration.ofSeconds(30))).isTrue();
      assertThat(fx.policies.current().version()).isEqualTo(strictVerdict.policyVersion());
      assertThat(engine.repository().verdict("p").orElseThrow().flagged()).isTrue();

      assertThat(fx.policies.apply("test", PolicyRegistry.defaultText()).ok()).isTrue();
      assertThat(engine.awaitIdle(Duration.ofSeconds(30))).isTrue();
      assertThat(engine.repository().verdict("p").orElseThrow().flagged()).isFalse();
    } finally {
      engine.close();
    }
  }

  /** Device p: AnyDesk all day, not flagged under the default policy, flagged under {@link #STRICT}. */
  private void anyDeskDay() {
    home("203.0.113.50", "OH");
    fx.assign("p", employee("emp-p", "OH", "America/New_York"));
    day("p", "203.0.113.50", network("hmac:gw-p", "hmac:bssid-p", List.of()), b -> b.software(anyDesk()));
  }

  private static final String STRICT = PolicyRegistry.defaultText()
      .replaceFirst("(?m)^flag_threshold: \\d+", "flag_threshold: 40")
      .replaceFirst("(?m)^min_groups: \\d+", "min_groups: 1");

  @Test
  void aPolicyChangeSeenByTwoCollectors_isOneHistoryEntry() {
    anyDeskDay();
    DetectionEngine a = fx.engine();
    DetectionEngine b = fx.otherCollector();
    fx.now.set(END);
    assertThat(a.evaluate("p").orElseThrow().flagged()).isFalse();
    fx.now.set(END.plus(Duration.ofMinutes(11))); // B rewrites the unchanged verdict (ten minutes old)
    assertThat(b.evaluate("p").orElseThrow().flagged()).isFalse();
    assertThat(fx.policies.apply("strict", STRICT).ok()).isTrue();
    // Both collectors re-evaluate the fleet; both computed the same new outcome, each cache says "changed".
    a.evaluateAll();
    b.evaluateAll();
    assertThat(fx.repo.verdict("p").orElseThrow().flagged()).isTrue();
    assertThat(fx.repo.history("p")).extracting(Verdict::flagged).containsExactly(false, true);
  }

  @Test
  void aCollectorWhoseCacheSaysUnchanged_writesWhenAnotherStoredADifferentOutcome() {
    anyDeskDay();
    DetectionEngine a = fx.engine();
    DetectionEngine b = fx.otherCollector();
    fx.now.set(END);
    assertThat(a.evaluate("p").orElseThrow().flagged()).isFalse();
    assertThat(fx.policies.apply("strict", STRICT).ok()).isTrue();
    b.evaluateAll(); // B stores "flagged" under the strict policy
    assertThat(fx.repo.verdict("p").orElseThrow().flagged()).isTrue();
    assertThat(fx.policies.apply("default", PolicyRegistry.defaultText()).ok()).isTrue();
    fx.now.set(END.plusSeconds(60));
    a.evaluateAll(); // A's cache still holds its own "not flagged" of a minute ago; the store does not
    assertThat(fx.repo.verdict("p").orElseThrow().flagged()).isFalse();
    assertThat(fx.repo.history("p")).extracting(Verdict::flagged).containsExactly(false, true, false);
  }

  @Test
  void unchangedVerdicts_areRewrittenOnlyWhenTenMinutesOld_byEitherCollector() {
    anyDeskDay();
    DetectionEngine a = fx.engine();
    DetectionEngine b = fx.otherCollector();
    fx.now.set(END);
    a.evaluate("p");
    for (int minute : List.of(1, 5, 9)) {
      fx.now.set(END.plus(Duration.ofMinutes(minute)));
      a.evaluate("p");
      b.evaluate("p");
      assertThat(fx.repo.verdict("p").orElseThrow().computedAt()).as("minute %d", minute).isEqualTo(END);
    }
    fx.now.set(END.plus(Duration.ofMinutes(10)));
    a.evaluate("p"); // ten minutes old: rewritten
    Instant refreshed = fx.repo.verdict("p").orElseThrow().computedAt();
    assertThat(refreshed).isEqualTo(END.plus(Duration.ofMinutes(10)));
    fx.now.set(END.plus(Duration.ofMinutes(12)));
    b.evaluate("p"); // B's copy is twelve minutes old, the stored one two: B takes the stored one, writes nothing
    a.evaluate("p");
    assertThat(fx.repo.verdict("p").orElseThrow().computedAt()).isEqualTo(refreshed);
    assertThat(fx.repo.history("p")).hasSize(1);
  }

  /** The default policy with a one-day cluster window instead of seven. */
  private PolicySet oneDayClusterWindow() {
    String text = PolicyRegistry.defaultText().replaceFirst("cluster_window_days: 7", "cluster_window_days: 1");
    ApplyResult checked = fx.policies.check("one-day.yaml", text);
    assertThat(checked.ok()).isTrue();
    return checked.applied();
  }

  @Test
  void preview_seesTheClusterAsItIsNow_notAsAnEarlierRoundComputedIt() {
    home("192.0.2.60", "AZ");
    NetworkFacts house = network("hmac:gw-pv", "hmac:bssid-pv", List.of());
    for (String d : List.of("a", "b", "c")) {
      fx.assign(d, employee("emp-" + d, "TX", "America/Chicago"));
    }
    day("a", "192.0.2.60", house, b -> b);
    day("b", "192.0.2.60", house, b -> b);
    assertThat(fx.verdictAt("a", END).reasons()).doesNotContain("cluster.farm"); // a couple: this round's {a, b}
    // A third employee's laptop joins the house; detection folds its stored reports in (catch-up), and a preview
    // runs before the next evaluation round.
    for (int h = 1; h <= 24; h++) {
      fx.store(report("c").seq(h).at(Duration.ofHours(h)).ip("192.0.2.60").network(house).software(plainSoftware())
          .hardware(hardware(List.of(), List.of(PANEL))).build());
    }
    fx.engine().catchUpAll();
    Verdict preview = fx.engine().preview("a", fx.policies.current()).orElseThrow();
    assertThat(preview.reasons()).contains("cluster.farm");
    assertThat(preview.findings()).filteredOn(f -> f.ruleId().equals("cluster.farm")).singleElement()
        .satisfies(f -> assertThat(f.evidence()).extracting(Evidence::summary)
            .anyMatch(s -> s.contains("3 devices of 3 employees")));
    assertThat(fx.engine().evaluate("a").orElseThrow().sameOutcome(preview)).isTrue();
  }

  @Test
  void aPreviewBetweenTwoDevicesOfALiveRound_leavesNoClustersForTheRound() {
    for (String h : List.of("1", "2")) {
      home("192.0.2.7" + h, "AZ");
      NetworkFacts house = network("hmac:gw-h" + h, "hmac:bssid-h" + h, List.of());
      for (String d : List.of("h" + h + "a", "h" + h + "b", "h" + h + "c")) {
        fx.assign(d, employee("emp-" + d, "TX", "America/Chicago"));
        day(d, "192.0.2.7" + h, house, b -> b);
      }
    }
    fx.now.set(T0.plus(Duration.ofDays(4))); // the day together: inside the live 7-day cluster window, not in 1 day
    PolicySet candidate = oneDayClusterWindow();
    DetectionEngine engine = fx.engine();
    // policy test from an API thread: the worker releases the lock between the devices of a round, so a preview
    // can run between two of them; a listener of the round's first verdict runs it at exactly that point.
    List<Verdict> previews = new java.util.concurrent.CopyOnWriteArrayList<>();
    engine.addListener(v -> {
      if (previews.isEmpty()) {
        engine.deviceIds().forEach(id -> previews.add(engine.preview(id, candidate).orElseThrow()));
      }
    });
    engine.evaluateAll();
    for (String id : engine.deviceIds()) {
      assertThat(engine.repository().verdict(id).orElseThrow().reasons()).as(id).contains("cluster.farm");
    }
    assertThat(previews).hasSize(6).allSatisfy(v -> assertThat(v.clusterId()).as(v.deviceId()).isNull());
  }

  @Test
  void aPolicyAppliedDuringALiveRound_getsClustersUnderItsOwnWindow() {
    home("192.0.2.80", "AZ");
    NetworkFacts house = network("hmac:gw-ap", "hmac:bssid-ap", List.of());
    for (String d : List.of("a", "b", "c")) {
      fx.assign(d, employee("emp-" + d, "TX", "America/Chicago"));
      day(d, "192.0.2.80", house, b -> b);
    }
    fx.now.set(T0.plus(Duration.ofDays(4)));
    String oneDay = PolicyRegistry.defaultText().replaceFirst("cluster_window_days: 7", "cluster_window_days: 1");
    DetectionEngine engine = fx.engine();
    AtomicBoolean applied = new AtomicBoolean();
    engine.addListener(v -> {
      if (applied.compareAndSet(false, true)) {
        assertThat(fx.policies.apply("one-day.yaml", oneDay).ok()).isTrue();
      }
    });
    engine.evaluateAll();
    String version = fx.policies.current().version();
    List<Verdict> underOneDay = engine.deviceIds().stream().map(id -> engine.repository().verdict(id).orElseThrow())
        .filter(v -> v.policyVersion().equals(version)).toList();
    assertThat(underOneDay).hasSize(2).allSatisfy(v -> assertThat(v.clusterId()).as(v.deviceId()).isNull());
  }

  @Test
  void reportsFoldedInDuringALongRound_areSeenByItsLaterDevices() {
    home("192.0.2.85", "AZ");
    NetworkFacts house = network("hmac:gw-sw", "hmac:bssid-sw", List.of());
    for (String d : List.of("a", "b", "c")) {
      fx.assign(d, employee("emp-" + d, "TX", "America/Chicago"));
    }
    day("a", "192.0.2.85", house, b -> b);
    day("b", "192.0.2.85", house, b -> b);
    fx.now.set(END);
    DetectionEngine engine = fx.engine();
    // The sweep evaluates every device on its own thread while the worker folds reports in and evaluates what
    // they touched: here a third laptop joins the house after the sweep's first device.
    AtomicBoolean joined = new AtomicBoolean();
    engine.addListener(v -> {
      if (joined.compareAndSet(false, true)) {
        day("c", "192.0.2.85", house, b -> b);
      }
    });
    engine.evaluateAll();
    assertThat(joined).isTrue();
    for (String id : List.of("a", "b", "c")) {
      assertThat(engine.repository().verdict(id).orElseThrow().reasons()).as(id).contains("cluster.farm");
    }
  }

  /** TeamViewer as an IT engineer runs it. */
  private static final class SoftwareFactsHolder {
    io.telltale.collector.model.SoftwareFacts teamViewer() {
      return software(List.of("TeamViewer.exe", "TeamViewer_Service.exe"), List.of("TeamViewer"),
          List.of("TeamViewer"), List.of());
    }
  }
}
