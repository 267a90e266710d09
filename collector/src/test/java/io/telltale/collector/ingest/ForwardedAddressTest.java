package io.telltale.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import io.telltale.collector.FakeClock;
import io.telltale.collector.TestAgent;
import io.telltale.collector.detect.DetectionEngine;
import io.telltale.collector.detect.Signals;
import io.telltale.collector.pki.EnrollmentTokens;
import io.telltale.collector.review.ReviewFixture;
import io.telltale.collector.store.RosterEmployee;
import io.telltale.collector.store.StoredReport;
import io.telltale.proto.v1.OsFamily;
import io.telltale.proto.v1.ReportKind;
import io.telltale.proto.v1.SystemInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The public IP as proxies in front of the collector write it in X-Forwarded-For, through ingest, the store and
 * the real detection engine: one address written two ways is one address, and an IPv6 prefix in IP intelligence
 * or the company networks covers it.
 */
class ForwardedAddressTest {

  @TempDir static Path dir;
  static ReviewFixture fx;
  private static final List<TestAgent> agents = new ArrayList<>();
  /** Reports acknowledged so far: detection has seen them all once it processed this many. */
  private static final AtomicInteger sent = new AtomicInteger();

  @BeforeAll
  static void start() throws Exception {
    Path intel = dir.resolve("ip-intel.csv");
    Files.writeString(intel, "# cidr,country,region,city,asn,org,kind\n"
        + "2001:0DB8:0000:0000::/48,US,TX,Austin,64500,Home ISP,residential\n");
    fx = ReviewFixture.startWithEngine(dir.resolve("collector"), Map.of(
        "TELLTALE_INGEST_TRUSTED_PROXIES", "127.0.0.1/32",
        "TELLTALE_DETECT_IP_INTEL_FILE", intel.toString(),
        "TELLTALE_DETECT_COMPANY_NETWORKS", "2001:DB8:0:BEEF::/64"),
        new FakeClock(Instant.now().truncatedTo(ChronoUnit.MINUTES)));
    List<RosterEmployee> roster = new ArrayList<>();
    for (String e : List.of("a", "b", "c", "d", "e")) {
      roster.add(new RosterEmployee("emp-" + e, "Employee " + e, e + "@example.com", "US", "TX", "America/Chicago",
          List.of("SN-" + e), List.of(), List.of()));
    }
    fx.store().roster().replaceAll(roster, fx.clock.now());
  }

  @AfterAll
  static void stop() throws Exception {
    for (TestAgent a : agents) {
      a.close();
    }
    fx.close();
  }

  /** A laptop of employee {@code e} whose FULL report reaches the collector through a proxy writing {@code xff}. */
  private static String laptopBehind(String e, String xff) throws Exception {
    String token = new EnrollmentTokens(fx.store().tokens(), fx.clock).create(Duration.ofHours(1), 1).secret();
    TestAgent agent = TestAgent.enroll(fx.collector.port(), fx.collector.collector.ca().certificate(), token);
    agents.add(agent);
    Metadata headers = new Metadata();
    headers.put(Metadata.Key.of("x-forwarded-for", Metadata.ASCII_STRING_MARSHALLER), xff);
    agent.stub().withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers)).report(
        TestAgent.heartbeatRequest(1).toBuilder().setKind(ReportKind.REPORT_KIND_FULL)
            .setSystem(SystemInfo.newBuilder().setOsFamily(OsFamily.OS_FAMILY_LINUX).setHostname("laptop-" + e)
                .setHardwareSerial("SN-" + e))
            .build());
    sent.incrementAndGet();
    return agent.deviceId;
  }

  private static String storedPublicIp(String deviceId) {
    List<StoredReport> stored = fx.store().queries().reportsOf(deviceId, Instant.EPOCH, Instant.now().plusSeconds(60));
    assertThat(stored).hasSize(1);
    return stored.get(0).report().publicIp();
  }

  private static Signals signals(String deviceId) throws Exception {
    DetectionEngine engine = fx.engine.engine();
    // The hand-off to detection follows the acknowledgement: wait for it before waiting for the engine.
    await().atMost(30, TimeUnit.SECONDS).until(() -> engine.processed() >= sent.get());
    assertThat(engine.awaitIdle(Duration.ofSeconds(30))).isTrue();
    return engine.signals(deviceId).orElseThrow();
  }

  @Test
  void twoEmployeesBehindOneIpv6Address_writtenDifferently_areStoredAsOne_andCorrelated() throws Exception {
    String a = laptopBehind("a", "2001:DB8:0:0:1::1");
    String b = laptopBehind("b", "2001:db8::1:0:0:1");
    assertThat(storedPublicIp(a)).isEqualTo("2001:db8::1:0:0:1");
    assertThat(storedPublicIp(b)).isEqualTo("2001:db8::1:0:0:1");
    Signals s = signals(a);
    // 2001:db8::/32 is a documentation range: it links only because the intel file's IPv6 prefix knows it.
    assertThat(s.geo().ipKnown()).isTrue();
    assertThat(s.geo().org()).isEqualTo("Home ISP");
    assertThat(s.cluster().member()).isTrue();
    assertThat(s.cluster().employees()).isEqualTo(2);
    assertThat(s.cluster().linkKinds()).containsExactly("public_ip");
    assertThat(signals(b).cluster().id()).isEqualTo(s.cluster().id());
  }

  @Test
  void anIpv6CompanyNetwork_coversItsAddressHoweverWritten_andLinksNobody() throws Exception {
    String c = laptopBehind("c", "2001:0db8:0000:beef:0000:0000:0000:0050");
    String d = laptopBehind("d", "2001:DB8:0:BEEF::50");
    assertThat(storedPublicIp(c)).isEqualTo("2001:db8:0:beef::50");
    assertThat(storedPublicIp(d)).isEqualTo("2001:db8:0:beef::50");
    Signals s = signals(c);
    assertThat(s.geo().declaredNetwork()).isTrue();
    assertThat(s.cluster().member()).isFalse();
  }

  @Test
  void anIpv4MappedForwardedAddress_isStoredAsTheIpv4Address() throws Exception {
    assertThat(storedPublicIp(laptopBehind("e", "::ffff:198.51.100.23"))).isEqualTo("198.51.100.23");
  }
}
