package io.telltale.collector.detect;

import static io.telltale.collector.detect.TestObjects.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.telltale.collector.detect.geo.IpInfo;
import io.telltale.collector.detect.geo.IpKind;
import io.telltale.collector.detect.policy.PolicyRegistry;
import io.telltale.collector.model.HardwareFacts;
import io.telltale.collector.model.HardwareFacts.UsbFunction;
import io.telltale.collector.model.LocaleFacts;
import io.telltale.collector.model.NetworkFacts;
import io.telltale.collector.model.SoftwareFacts;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * One test (or more) per signal of the detection issue, through the engine with the default policy: the
 * signal's value, and the rule that reads it holding or not. Devices are alone in their house unless a test
 * says otherwise.
 */
class SignalsTest {

  /** One hour after the last of 24 hourly reports. */
  private static final Instant END = T0.plus(Duration.ofHours(25));

  private final EngineFixture fx = new EngineFixture();
  private final Map<String, String> homes = new HashMap<>();

  /** A laptop's own residential address in Ohio: the laptops of one test never share a house. */
  private String home(String id) {
    String ip = homes.get(id);
    if (ip == null) {
      ip = "203.0.113." + (100 + homes.size());
      homes.put(id, ip);
      fx.ips.put(ip, residential("OH"));
    }
    return ip;
  }

  /** Hourly reports at hours 1..24 of a laptop at home; {@code more} shapes each report. */
  private void day(String id, UnaryOperator<ReportBuilder> more) {
    hourly(id, h -> true, more);
  }

  private void hourly(String id, IntPredicate hours, UnaryOperator<ReportBuilder> more) {
    fx.assign(id, employee("emp-" + id, "OH", "America/New_York"));
    NetworkFacts net = network("hmac:gw-" + id, "hmac:bssid-" + id, List.of());
    for (int h = 1; h <= 24; h++) {
      if (hours.test(h)) {
        fx.feed(more.apply(report(id).seq(h).at(Duration.ofHours(h)).ip(home(id)).network(net)
            .software(plainSoftware()).hardware(hardware(List.of(), List.of(PANEL)))
            .locale(new LocaleFacts("America/New_York", -240, "en-US", List.of("en-US")))).build());
      }
    }
  }

  private Signals signals(String id) {
    fx.now.set(END);
    return fx.engine().signals(id).orElseThrow();
  }

  private Verdict verdict(String id) {
    return fx.verdictAt(id, END);
  }

  // ------------------------------------------------------------------ remote access (INDICATORS 1)

  @Test
  void remoteFamilies_areCountedInstalledRunningAndListening_twoFamiliesStack() {
    SoftwareFacts sw = software(List.of("explorer.exe", "AnyDesk.exe", "rustdesk.exe"), List.of(),
        List.of("AnyDesk"), List.of(new SoftwareFacts.ListeningSocket(7070, SoftwareFacts.Protocol.TCP, "0.0.0.0",
            "AnyDesk.exe")));
    day("r", b -> b.software(sw));
    Signals.RemoteSig r = signals("r").remote();
    assertThat(r.families()).containsExactly("AnyDesk", "RustDesk");
    assertThat(r.installedCount()).isEqualTo(1);
    assertThat(r.runningCount()).isEqualTo(2);
    assertThat(r.listeningCount()).isEqualTo(1);
    assertThat(r.dprkNamedCount()).isEqualTo(2);
    Verdict v = verdict("r");
    assertThat(v.reasons()).contains("remote.stacked_tools");
    assertThat(v.flagged()).as("one group alone never flags").isFalse();
  }

  @Test
  void meshVpnAndTunnels_areContextNotRemoteControl() {
    day("t", b -> b.software(software(List.of("tailscaled.exe"), List.of("Tailscale"), List.of(), List.of())));
    Signals s = signals("t");
    assertThat(s.remote().families()).isEmpty();
    assertThat(s.remote().tunnels()).contains("Tailscale");
    assertThat(s.vpn().mesh()).isTrue();
    assertThat(s.vpn().client()).isFalse();
    assertThat(verdict("t").flagged()).isFalse();
  }

  /** The default policy with {@code entry} (YAML under remote_tools, two-space indented) as the only approval. */
  private void approve(String entry) {
    String policy = PolicyRegistry.defaultText().replace("  remote_tools: []", "  remote_tools:\n" + entry);
    assertThat(fx.policies.apply("test", policy).ok()).isTrue();
  }

  private static final String TEAMVIEWER_FOR_IT = "    - family: TeamViewer\n      groups: [it-support]\n"
      + "      reason: IT support\n";

  /** Puts the employee of laptop {@code id} in the it-support group (the roster is read when evaluating). */
  private void inItSupport(String id) {
    fx.assign(id, employee("emp-" + id, "OH", "America/New_York", "it-support"));
  }

  @Test
  void sessionsThroughAnApprovedTool_areNoSessionHours_throughAnUnapprovedToolTheyAre() {
    approve(TEAMVIEWER_FOR_IT);
    day("tv", b -> b.sessions(remoteToolSessions("TeamViewer")));
    day("ad", b -> b.sessions(remoteToolSessions("AnyDesk")));
    day("tv-other", b -> b.sessions(remoteToolSessions("TeamViewer")));
    inItSupport("tv");
    inItSupport("ad");
    Signals.RemoteSig tv = signals("tv").remote();
    assertThat(tv.sessionHours()).isZero();
    assertThat(tv.sessionNow()).isFalse();
    assertThat(tv.approved()).containsExactly("TeamViewer");
    assertThat(tv.families()).isEmpty();
    assertThat(verdict("tv").reasons()).doesNotContain("remote.driven_remotely", "remote.unsanctioned_tool");
    Signals.RemoteSig ad = signals("ad").remote();
    assertThat(ad.sessionHours()).isEqualTo(24);
    assertThat(ad.sessionNow()).isTrue();
    assertThat(ad.families()).containsExactly("AnyDesk");
    assertThat(verdict("ad").reasons()).contains("remote.driven_remotely", "remote.unsanctioned_tool");
    Signals.RemoteSig other = signals("tv-other").remote();
    assertThat(other.sessionHours()).as("approved for it-support only").isEqualTo(24);
    assertThat(verdict("tv-other").reasons()).contains("remote.driven_remotely");
  }

  @Test
  void approvedAndUnapprovedSessions_onlyHoursWithAnUnapprovedOneCount_andTheApprovedOnesShowAsApproved() {
    approve(TEAMVIEWER_FOR_IT);
    day("mix", b -> b.sessions(b.seqNow() <= 6 ? remoteToolSessions("TeamViewer", "AnyDesk")
        : remoteToolSessions("TeamViewer")));
    inItSupport("mix");
    Signals.RemoteSig r = signals("mix").remote();
    assertThat(r.sessionHours()).isEqualTo(6);
    assertThat(r.sessionNow()).as("only TeamViewer is open now").isFalse();
    Finding driven = verdict("mix").findings().stream().filter(f -> f.ruleId().equals("remote.driven_remotely"))
        .findFirst().orElseThrow();
    List<Evidence> sessions = driven.evidence().stream().filter(e -> e.signal().equals("remote.session")).toList();
    assertThat(sessions).extracting(e -> e.detail("family"), e -> e.detail("approved"))
        .containsExactlyInAnyOrder(tuple("AnyDesk", ""), tuple("TeamViewer", "true"));
    assertThat(sessions).filteredOn(e -> e.detail("family").equals("TeamViewer")).singleElement().satisfies(e -> {
      assertThat(e.summary()).isEqualTo("remote session via TeamViewer from 198.51.100.200 (approved: IT support)");
      assertThat(e.detail("approval")).isEqualTo("IT support");
    });
  }

  @Test
  void builtInQuickAssist_isNoUnsanctionedTool_butItsSessionsCountUntilAllowlisted() {
    day("qa", b -> b.sessions(remoteToolSessions("Microsoft Quick Assist")));
    Signals.RemoteSig qa = signals("qa").remote();
    assertThat(qa.builtin()).containsExactly("Microsoft Quick Assist");
    assertThat(qa.families()).isEmpty();
    assertThat(qa.sessionHours()).isEqualTo(24);
    Verdict v = verdict("qa");
    assertThat(v.reasons()).contains("remote.driven_remotely").doesNotContain("remote.unsanctioned_tool");
    assertThat(v.flagged()).as("one group alone never flags").isFalse();
    assertThat(signals("qa").evidence()).filteredOn(e -> e.signal().equals("remote.session")).singleElement()
        .satisfies(e -> assertThat(e.detail()).containsEntry("weak", "true").doesNotContainKey("approved"));

    approve("    - family: Microsoft Quick Assist\n      reason: help desk\n");
    assertThat(signals("qa").remote().sessionHours()).isZero();
    assertThat(verdict("qa").reasons()).doesNotContain("remote.driven_remotely");
    assertThat(signals("qa").evidence()).filteredOn(e -> e.signal().equals("remote.session")).singleElement()
        .satisfies(e -> assertThat(e.detail()).containsEntry("approved", "true"));
  }

  // ------------------------------------------------------------------ input (INDICATORS 6, 9, 11.4)

  @Test
  void injectedInputShare_marksALaptopDrivenRemotely_localInputDoesNot() {
    day("inj", b -> b.activity(30, 0, 6, 0, 0, ""));
    day("loc", b -> b.activity(30, 12, 0, 0, 0, ""));
    Signals.InputSig inj = signals("inj").input();
    assertThat(inj.activeMinutes()).isEqualTo(24 * 30);
    assertThat(inj.injectedShare()).isEqualTo(1.0);
    assertThat(inj.localShare()).isZero();
    assertThat(verdict("inj").reasons()).contains("remote.driven_remotely");
    Signals.InputSig loc = signals("loc").input();
    assertThat(loc.localShare()).isEqualTo(1.0);
    assertThat(loc.injectedShare()).isZero();
    assertThat(verdict("loc").reasons()).doesNotContain("remote.driven_remotely");
  }

  @Test
  void externalInputFromAKvmsUsbDevice_tiesTheKvmToUse() {
    day("x", b -> b.hardware(hardware(List.of(PIKVM_USB), List.of(PANEL))).activity(30, 0, 0, 4, 0, "1d6b:0104"));
    Signals.InputSig in = signals("x").input();
    assertThat(in.externalShare()).isEqualTo(1.0);
    assertThat(in.externalSources()).containsExactly("1d6b:0104");
    assertThat(in.externalFromKvm()).isTrue();
    assertThat(verdict("x").reasons()).contains("kvm.driven_by_kvm_input", "kvm.default_usb_identity");
  }

  // ------------------------------------------------------------------ IP-KVM hardware (INDICATORS 2-4)

  @Test
  void kvmByIdentifier_flagsAlone_andIsPresentNow() {
    day("id", b -> b.hardware(hardware(List.of(PIKVM_USB), List.of(PANEL))));
    Signals.KvmSig k = signals("id").kvm();
    assertThat(k.usbIdentity()).isTrue();
    assertThat(k.usbStructure()).isTrue();
    assertThat(k.products()).anyMatch(p -> p.contains("PiKVM"));
    assertThat(k.presentNow()).isTrue();
    Verdict v = verdict("id");
    assertThat(v.reasons()).contains("kvm.default_usb_identity");
    assertThat(v.flagged()).isTrue();
  }

  @Test
  void kvmByStructure_withSpoofedIdsAndANetworkFunction_isStillAKvmGadget() {
    HardwareFacts.UsbDevice spoofedWithNic = usb("046d", "c31c", "Logitech", "USB Keyboard", "",
        UsbFunction.KEYBOARD, UsbFunction.MOUSE_ABSOLUTE, UsbFunction.NETWORK);
    day("s", b -> b.hardware(hardware(List.of(spoofedWithNic), List.of(PANEL))));
    Signals.KvmSig k = signals("s").kvm();
    assertThat(k.usbIdentity()).isFalse();
    assertThat(k.usbStructure()).isTrue();
    assertThat(verdict("s").reasons()).contains("kvm.usb_structure");
  }

  @Test
  void kvmHardwareUnpluggedDuringTheLookback_staysOnRecord_butIsNotPresentNow() {
    hourly("u", h -> true, b -> b.hardware(hardware(b.seqNow() <= 3 ? List.of(SPOOFED_KVM_USB) : List.of(),
        List.of(PANEL))));
    Signals.KvmSig k = signals("u").kvm();
    assertThat(k.usbStructure()).isTrue();
    assertThat(k.presentNow()).isFalse();
  }

  @Test
  void kvmEdids_defaultFlagsAlone_cloneAndCaptureAdd() {
    HardwareFacts.Display capture = display(false, true, "HJW", 0x1836, 0, "MACROSILICON", "", 60);
    day("e1", b -> b.hardware(hardware(List.of(), List.of(PANEL, PIKVM_EDID))));
    day("e2", b -> b.hardware(hardware(List.of(), List.of(PANEL, JETKVM_ACER_PRESET))));
    day("e3", b -> b.hardware(hardware(List.of(), List.of(PANEL, capture))));
    assertThat(signals("e1").kvm().edidDefault()).isTrue();
    assertThat(verdict("e1").flagged()).isTrue();
    assertThat(signals("e2").kvm().edidClone()).isTrue();
    assertThat(signals("e3").kvm().edidCapture()).isTrue();
    for (String id : List.of("e2", "e3")) {
      Verdict v = verdict(id);
      assertThat(v.reasons()).as(id).contains("kvm.cloned_or_capture_display");
      assertThat(v.flagged()).as(id + ": one group").isFalse();
    }
  }

  @Test
  void captureDongle_isWeakContext() {
    day("cap", b -> b.hardware(hardware(List.of(CAPTURE_DONGLE), List.of(PANEL))));
    assertThat(signals("cap").captureDevice()).isTrue();
    Verdict v = verdict("cap");
    assertThat(v.reasons()).containsExactly("capture.dongle");
    assertThat(v.flagged()).isFalse();
  }

  // ------------------------------------------------------------------ jigglers (INDICATORS 6)

  @Test
  void periodicInput_isAJiggler_atAKvmPeriodItIsAKvmJiggler() {
    day("j30", b -> b.activity(30, 0, 0, 0, 30, ""));
    day("j20", b -> b.activity(30, 0, 0, 0, 20, ""));
    Signals j30 = signals("j30");
    assertThat(j30.jiggler().periodic()).isTrue();
    assertThat(j30.jiggler().periodsSeconds()).containsExactly(30);
    assertThat(j30.kvm().jigglePeriod()).isFalse();
    assertThat(j30.input().activeMinutes()).isZero();
    assertThat(j30.input().jiggleShare()).isEqualTo(1.0);
    assertThat(verdict("j30").reasons()).containsExactly("jiggler.present");
    Signals j20 = signals("j20");
    assertThat(j20.kvm().jigglePeriod()).isTrue();
    assertThat(verdict("j20").reasons()).contains("jiggler.kvm_period");
    assertThat(verdict("j20").flagged()).isFalse();
  }

  @Test
  void softwareAndHardwareJigglers() {
    day("sw", b -> b.software(software(List.of("MouseJiggler.exe"), List.of(), List.of(), List.of())));
    day("hw", b -> b.hardware(hardware(List.of(usb("16c0", "27da", "", "", "", UsbFunction.MOUSE_RELATIVE)),
        List.of(PANEL))));
    assertThat(signals("sw").jiggler().software()).isTrue();
    assertThat(signals("sw").jiggler().tools()).isNotEmpty();
    assertThat(signals("hw").jiggler().hardware()).isTrue();
    assertThat(verdict("hw").reasons()).containsExactly("jiggler.present");
  }

  // ------------------------------------------------------------------ VPN (INDICATORS 7)

  @Test
  void vpnClients_consumerAddsCorporateDoesNot_astrillFlagsAlone() {
    day("nord", b -> b.software(software(List.of("NordVPN.exe"), List.of(), List.of(), List.of())));
    day("gp", b -> b.software(software(List.of("PanGPA.exe"), List.of(), List.of(), List.of())));
    day("ast", b -> b.software(software(List.of("/usr/local/Astrill/astrill", "asproxy"), List.of(), List.of(),
        List.of())));
    Signals.VpnSig nord = signals("nord").vpn();
    assertThat(nord.client()).isTrue();
    assertThat(nord.clients()).containsExactly("NordVPN");
    assertThat(verdict("nord").reasons()).containsExactly("vpn.consumer_client");
    Signals.VpnSig gp = signals("gp").vpn();
    assertThat(gp.corporate()).isTrue();
    assertThat(gp.client()).isFalse();
    assertThat(verdict("gp").reasons()).isEmpty();
    assertThat(signals("ast").vpn().astrill()).isTrue();
    assertThat(verdict("ast").flagged()).isTrue();
  }

  @Test
  void vpnAndHostingExits_countByShareOfReportingHours() {
    fx.ips.put("198.51.100.61", new IpInfo("US", "NJ", "", 9009, "M247", IpKind.VPN));
    fx.ips.put("198.51.100.62", new IpInfo("US", "VA", "", 16509, "Amazon", IpKind.HOSTING));
    hourly("vpn", h -> true, b -> b.ip(b.seqNow() % 2 == 0 ? "198.51.100.61" : home("vpn")));
    hourly("vps", h -> true, b -> b.ip("198.51.100.62"));
    hourly("few", h -> true, b -> b.ip(b.seqNow() <= 4 ? "198.51.100.61" : home("few")));
    Signals.VpnSig vpn = signals("vpn").vpn();
    assertThat(vpn.exitVpnOrHosting()).isTrue();
    assertThat(vpn.exitShare()).isEqualTo(0.5);
    assertThat(verdict("vpn").reasons()).contains("vpn.exit_network");
    assertThat(signals("vps").vpn().exitShare()).isEqualTo(1.0);
    assertThat(verdict("vps").reasons()).contains("vpn.exit_network");
    // An exit says nothing about where the laptop is.
    assertThat(signals("vps").geo().countryMismatch()).isFalse();
    assertThat(signals("vps").geo().regionMismatch()).isFalse();
    assertThat(signals("few").vpn().exitShare()).isCloseTo(4 / 24.0, within(1e-9));
    assertThat(verdict("few").reasons()).doesNotContain("vpn.exit_network");
  }

  @Test
  void declaredCorporateVpnEgress_isNotAnExit() {
    String policy = io.telltale.collector.detect.policy.PolicyRegistry.defaultText().replace("  networks: []",
        "  networks:\n    - cidr: 198.51.100.0/26\n      name: corporate VPN");
    assertThat(fx.policies.apply("test", policy).ok()).isTrue();
    fx.ips.put("198.51.100.9", new IpInfo("US", "NJ", "", 9009, "M247", IpKind.VPN));
    hourly("corp", h -> true, b -> b.ip("198.51.100.9"));
    Signals s = signals("corp");
    assertThat(s.vpn().exitVpnOrHosting()).isFalse();
    assertThat(s.geo().declaredNetwork()).isTrue();
    assertThat(s.geo().kind()).isEqualTo("corporate");
  }

  // ------------------------------------------------------------------ place (INDICATORS 8)

  @Test
  void ipCountryAndRegion_againstTheRoster() {
    fx.ips.put("198.51.100.70", residential("TX"));
    fx.ips.put("198.51.100.71", new IpInfo("NG", "LA", "Lagos", 29465, "MTN Nigeria", IpKind.RESIDENTIAL));
    hourly("tx", h -> true, b -> b.ip("198.51.100.70"));
    hourly("ng", h -> true, b -> b.ip("198.51.100.71"));
    hourly("oh", h -> true, b -> b);
    Signals.GeoSig tx = signals("tx").geo();
    assertThat(tx.regionMismatch()).isTrue();
    assertThat(tx.countryMismatch()).isFalse();
    assertThat(tx.mismatchShare()).isEqualTo(1.0);
    assertThat(tx.region()).isEqualTo("TX");
    assertThat(verdict("tx").reasons()).contains("geo.other_region");
    Signals.GeoSig ng = signals("ng").geo();
    assertThat(ng.countryMismatch()).isTrue();
    assertThat(ng.regionMismatch()).isFalse();
    assertThat(ng.countries()).isEqualTo(1);
    assertThat(ng.asn()).isEqualTo(29465);
    assertThat(verdict("ng").reasons()).contains("geo.foreign_country");
    Signals.GeoSig oh = signals("oh").geo();
    assertThat(oh.countryMismatch() || oh.regionMismatch()).isFalse();
    assertThat(oh.mismatchShare()).isZero();
  }

  @Test
  void aShortTripAbroad_showsAsTheLatestPlace_butNotAsMostHours() {
    fx.ips.put("198.51.100.72", new IpInfo("MX", "ROO", "Cancun", 8151, "Telmex", IpKind.BUSINESS));
    hourly("trip", h -> true, b -> b.ip(b.seqNow() > 20 ? "198.51.100.72" : home("trip")));
    Signals.GeoSig g = signals("trip").geo();
    assertThat(g.countryMismatch()).isTrue();
    assertThat(g.mismatchShare()).isCloseTo(4 / 24.0, within(1e-9));
    assertThat(g.countries()).isEqualTo(2);
    assertThat(verdict("trip").reasons()).doesNotContain("geo.foreign_country");
  }

  @Test
  void twoPlacesInTheLatestHour_mismatchOnlyWhenBothDo_whateverTheOrderTheyWereSeenIn() {
    fx.ips.put("198.51.100.80", new IpInfo("NG", "LA", "Lagos", 29465, "MTN Nigeria", IpKind.RESIDENTIAL));
    fx.ips.put("198.51.100.81", new IpInfo("GH", "AA", "Accra", 30986, "Scancom", IpKind.RESIDENTIAL));
    fx.ips.put("198.51.100.82", new IpInfo("US", "NJ", "", 9009, "M247", IpKind.VPN));
    // Home and Lagos within the last hour, then a VPN exit (which says nothing about the place).
    hourly("mixed", h -> true, b -> b);
    fx.feed(report("mixed").seq(25).at(Duration.ofHours(24).plusMinutes(20)).ip("198.51.100.80").build());
    fx.feed(report("mixed").seq(26).at(Duration.ofHours(24).plusMinutes(40)).ip("198.51.100.82").build());
    // Lagos and Accra within the last hour, then the VPN exit.
    hourly("abroad", h -> h < 24, b -> b);
    fx.feed(report("abroad").seq(24).at(Duration.ofHours(24)).ip("198.51.100.81").build());
    fx.feed(report("abroad").seq(25).at(Duration.ofHours(24).plusMinutes(20)).ip("198.51.100.80").build());
    fx.feed(report("abroad").seq(26).at(Duration.ofHours(24).plusMinutes(40)).ip("198.51.100.82").build());
    Signals.GeoSig mixed = signals("mixed").geo();
    assertThat(mixed.ip()).isEqualTo("198.51.100.82");
    assertThat(mixed.countryMismatch()).isFalse();
    assertThat(mixed.countries()).isEqualTo(2);
    Signals.GeoSig abroad = signals("abroad").geo();
    assertThat(abroad.countryMismatch()).isTrue();
    assertThat(signals("abroad").evidence()).filteredOn(e -> e.signal().equals("geo.country_mismatch"))
        .singleElement().satisfies(e -> assertThat(e.key()).isEqualTo("ip|198.51.100.81"));
  }

  @Test
  void osTimeZone_againstTheRosterAndTheIpsRegion() {
    fx.ips.put("198.51.100.73", residential("CA"));
    hourly("ok", h -> true, b -> b);
    hourly("roster", h -> true, b -> b.locale(new LocaleFacts("Asia/Seoul", 540, "ko-KR", List.of("en-US"))));
    hourly("ip", h -> true, b -> b.ip("198.51.100.73").locale(
        new LocaleFacts("America/New_York", -240, "en-US", List.of("en-US"))));
    Signals.ClockSig ok = signals("ok").clock();
    assertThat(ok.matchesRoster()).isTrue();
    assertThat(ok.matchesIp()).isTrue();
    assertThat(ok.osTimezone()).isEqualTo("America/New_York");
    assertThat(ok.osOffsetMinutes()).isEqualTo(-240);
    Signals.ClockSig roster = signals("roster").clock();
    assertThat(roster.matchesRoster()).isFalse();
    assertThat(roster.matchesIp()).isFalse();
    assertThat(verdict("roster").reasons()).contains("clock.timezone_mismatch");
    Signals.ClockSig ip = signals("ip").clock();
    assertThat(ip.matchesRoster()).isTrue();
    assertThat(ip.matchesIp()).as("New York time on a California IP").isFalse();
    assertThat(verdict("ip").reasons()).contains("clock.timezone_mismatch");
    assertThat(verdict("ok").reasons()).doesNotContain("clock.timezone_mismatch");
  }

  @Test
  void clockSkew_isMeasuredAndWeak() {
    hourly("skew", h -> true, b -> b.clockOffset(900_000));
    hourly("sync", h -> true, b -> b.clockOffset(1_200));
    hourly("unmeasured", h -> true, b -> b);
    Signals.ClockSig skew = signals("skew").clock();
    assertThat(skew.skewKnown()).isTrue();
    assertThat(skew.skewSeconds()).isEqualTo(900);
    Verdict v = verdict("skew");
    assertThat(v.reasons()).containsExactly("clock.skewed");
    assertThat(v.flagged()).isFalse();
    assertThat(signals("sync").clock().skewSeconds()).isEqualTo(1);
    assertThat(verdict("sync").reasons()).isEmpty();
    assertThat(signals("unmeasured").clock().skewKnown()).isFalse();
  }

  // ------------------------------------------------------------------ time (INDICATORS 9, 11.7)

  @Test
  void activityHours_inTheEmployeesTimeZone() {
    // Minutes fall in the hour before each report. New York is UTC-4 in June: reports at UTC 14..21 carry
    // minutes of 09:10..16:59 local, reports at UTC 4..9 minutes of 23:10..04:59.
    hourly("office", h -> h >= 14 && h <= 21, b -> b.activity(50, 10, 0, 0, 0, ""));
    hourly("night", h -> h >= 4 && h <= 9, b -> b.activity(50, 10, 0, 0, 0, ""));
    hourly("little", h -> h == 5, b -> b.activity(50, 10, 0, 0, 0, ""));
    Signals.HoursSig office = signals("office").hours();
    assertThat(office.evaluated()).isTrue();
    assertThat(office.officeShare()).isEqualTo(1.0);
    assertThat(office.nightShare()).isZero();
    assertThat(office.weekendShare()).isZero();
    Signals.HoursSig night = signals("night").hours();
    assertThat(night.nightShare()).isEqualTo(1.0);
    assertThat(verdict("night").reasons()).contains("hours.night_work");
    assertThat(verdict("office").reasons()).doesNotContain("hours.night_work");
    assertThat(signals("little").hours().evaluated()).as("50 minutes are too few to judge").isFalse();
  }

  @Test
  void continuousActivityOverADay_andJigglesAroundTheClock() {
    day("human", b -> b.activity(60, 10, 0, 0, 0, ""));
    day("gaps", b -> b.activity(b.seqNow() % 8 == 0 ? 0 : 60, 10, 0, 0, 0, ""));
    Signals.ContinuitySig human = signals("human").continuity();
    assertThat(human.longestActiveHours()).isEqualTo(24);
    assertThat(human.onlineShare()).isEqualTo(1.0);
    assertThat(human.observedHours()).isEqualTo(24);
    assertThat(verdict("human").reasons()).contains("continuity.never_stops");
    assertThat(signals("gaps").continuity().longestActiveHours()).isEqualTo(7);
    assertThat(verdict("gaps").reasons()).doesNotContain("continuity.never_stops");
  }

  @Test
  void jigglesForMoreThanADay_countAsInputNotAsHumanUse() {
    fx.assign("jig", employee("emp-jig", "OH", "America/New_York"));
    for (int h = 1; h <= 32; h++) {
      fx.feed(report("jig").seq(h).at(Duration.ofHours(h)).ip(home("jig")).activity(60, 0, 0, 0, 30, "").build());
    }
    fx.now.set(T0.plus(Duration.ofHours(33)));
    Signals.ContinuitySig c = fx.engine().signals("jig").orElseThrow().continuity();
    assertThat(c.longestInputHours()).isGreaterThanOrEqualTo(30);
    assertThat(c.longestActiveHours()).isZero();
    assertThat(fx.verdictAt("jig", T0.plus(Duration.ofHours(33))).reasons()).contains("continuity.never_stops");
  }

  // ------------------------------------------------------------------ posture (INDICATORS 9, 11.3)

  @Test
  void lidClosedOnAc_headlessWithoutAScreenOrBehindAKvmDisplay_notWhenDockedToARealMonitor() {
    HardwareFacts.Display unidentified = display(false, true, "HDM", 1, 0, "HDMI", "", 60);
    day("none", b -> b.power(true, false));
    day("kvm", b -> b.power(true, false).hardware(hardware(List.of(), List.of(PANEL, JETKVM_ACER_PRESET))));
    day("anon", b -> b.power(true, false).hardware(hardware(List.of(), List.of(PANEL, unidentified))));
    day("dock", b -> b.power(true, false).hardware(hardware(List.of(), List.of(PANEL, DELL_MONITOR))));
    day("open", b -> b.power(true, true));
    for (String id : List.of("none", "kvm", "anon")) {
      Signals.PostureSig p = signals(id).posture();
      assertThat(p.headless()).as(id).isTrue();
      assertThat(p.lidClosedAcShare()).as(id).isEqualTo(1.0);
      assertThat(verdict(id).reasons()).as(id).contains("posture.headless");
    }
    Signals.PostureSig dock = signals("dock").posture();
    assertThat(dock.onAc()).isTrue();
    assertThat(dock.lidClosed()).isTrue();
    assertThat(dock.externalDisplays()).isEqualTo(1);
    assertThat(dock.activeExternalDisplays()).isEqualTo(1);
    assertThat(dock.headless()).isFalse();
    assertThat(verdict("dock").reasons()).doesNotContain("posture.headless");
    Signals.PostureSig open = signals("open").posture();
    assertThat(open.headless()).isFalse();
    assertThat(open.lidOpenHours()).isEqualTo(24);
  }

  @Test
  void alwaysOnAcWithTheLidClosedAndAnExternalDisplay_isAWeakSignalAlone() {
    day("docked", b -> b.power(true, false).uptimeDays(9)
        .hardware(hardware(List.of(), List.of(PANEL, DELL_MONITOR))));
    Signals s = signals("docked");
    assertThat(s.posture().uptimeDays()).isGreaterThanOrEqualTo(9);
    assertThat(s.continuity().onlineShare()).isEqualTo(1.0);
    Verdict v = verdict("docked");
    assertThat(v.reasons()).containsExactly("posture.always_on");
    assertThat(v.flagged()).isFalse();
  }

  // ------------------------------------------------------------------ agent health

  @Test
  void agentGoneSilent_afterTheWindow() {
    fx.assign("quiet", employee("emp-quiet", "OH", "America/New_York"));
    fx.feed(report("quiet").seq(1).at(Duration.ofHours(1)).ip(home("quiet")).software(plainSoftware())
        .locale(new LocaleFacts("America/New_York", -240, "en-US", List.of("en-US"))).build());
    Signals.AgentSig early = signalsAt("quiet", T0.plus(Duration.ofHours(1 + 47))).agent();
    assertThat(early.silent()).isFalse();
    assertThat(early.silentHours()).isCloseTo(47.0, within(0.01));
    Signals.AgentSig late = signalsAt("quiet", T0.plus(Duration.ofHours(1 + 49))).agent();
    assertThat(late.silent()).isTrue();
    assertThat(late.silentHours()).isCloseTo(49.0, within(0.01));
    Verdict v = fx.verdictAt("quiet", T0.plus(Duration.ofHours(1 + 49)));
    assertThat(v.reasons()).containsExactly("agent.silent");
    assertThat(v.flagged()).isFalse();
  }

  private Signals signalsAt(String id, Instant at) {
    fx.now.set(at);
    return fx.engine().signals(id).orElseThrow();
  }

  // ------------------------------------------------------------------ locale

  @Test
  void koreanKeyboardLayout_isWeakContext() {
    day("ko", b -> b.locale(new LocaleFacts("America/New_York", -240, "en-US", List.of("en-US", "ko-KR"))));
    assertThat(signals("ko").locale().koreanIme()).isTrue();
    assertThat(verdict("ko").reasons()).containsExactly("locale.korean_input");
  }

  @Test
  void anOrdinaryLaptop_hasNoReasonsAtAll() {
    day("plain", b -> b.seqNow() >= 14 && b.seqNow() <= 21 ? b.activity(50, 10, 0, 0, 0, "") : b);
    Verdict v = verdict("plain");
    assertThat(v.reasons()).isEmpty();
    assertThat(v.score()).isZero();
  }
}
