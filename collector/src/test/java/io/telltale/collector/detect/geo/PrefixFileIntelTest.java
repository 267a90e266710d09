package io.telltale.collector.detect.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PrefixFileIntelTest {

  private static final List<String> FILE = List.of(
      "# cidr,country,region,city,asn,org,kind",
      "2001:0DB8:0000:0000:0001::/80,US,TX,Austin,64500,\"Home ISP, Inc.\",residential",
      "2001:db8::/32,US,,,64501,Transit,business",
      "::ffff:198.51.100.0/120,US,AZ,Mesa,22773,Cox Communications Inc.,residential");

  @Test
  void ipv6Prefixes_matchAddressesHoweverEitherIsWritten_longestFirst() {
    PrefixFileIntel intel = PrefixFileIntel.parse("intel.csv", FILE);
    assertThat(intel.lookup("2001:db8::1:0:0:1")).map(IpInfo::org).contains("Home ISP, Inc.");
    assertThat(intel.lookup("2001:DB8:0:0:1:0:0:1")).map(IpInfo::kind).contains(IpKind.RESIDENTIAL);
    assertThat(intel.lookup("2001:db8::2:0:0:1")).map(IpInfo::org).contains("Transit");
    assertThat(intel.lookup("2001:db9::1")).isEmpty();
  }

  @Test
  void anIpv4MappedPrefix_isTheIpv4One() {
    PrefixFileIntel intel = PrefixFileIntel.parse("intel.csv", FILE);
    assertThat(intel.lookup("198.51.100.9")).map(IpInfo::region).contains("AZ");
    assertThat(intel.lookup("::ffff:198.51.100.9")).map(IpInfo::region).contains("AZ");
  }

  @Test
  void aHostNameForAPrefix_isRefusedWithItsLine() {
    assertThatThrownBy(() -> PrefixFileIntel.parse("intel.csv",
        List.of("# header", "isp.example/24,US,TX,Austin,64500,ISP,residential")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("intel.csv:2: cidr: 'isp.example/24' (expected: a CIDR such as 192.0.2.0/24 or 2001:db8::/32)");
  }
}
