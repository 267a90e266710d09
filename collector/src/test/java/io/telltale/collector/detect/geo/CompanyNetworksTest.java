package io.telltale.collector.detect.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CompanyNetworksTest {

  private static final IpInfo HOME = new IpInfo("US", "TX", "Austin", 64500, "Home ISP", IpKind.RESIDENTIAL);
  private static final IpIntel BASE = ip -> ip.startsWith("2001:db8:0:beef:") ? Optional.of(HOME) : Optional.empty();

  private static CompanyNetworks networks(String... cidrs) {
    return new CompanyNetworks(CompanyNetworks.parseCidrs(List.of(cidrs)), Set.of(), BASE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2001:DB8:0:BEEF::/64", "2001:db8:0:beef:0:0:0:0/64", "2001:0db8:0000:beef::1/64"})
  void anIpv6CompanyNetwork_howeverWritten_makesItsAddressesCorporate_keepingWhatIntelKnows(String cidr) {
    Optional<IpInfo> info = networks(cidr).lookup("2001:db8:0:beef::7");
    assertThat(info).map(IpInfo::kind).contains(IpKind.CORPORATE);
    assertThat(info).map(IpInfo::org).contains("Home ISP");
    assertThat(networks(cidr).lookup("2001:db8:0:bef0::7")).isEmpty();
  }

  @Test
  void anIpv4CompanyNetwork_coversAnIpv4MappedAddress() {
    assertThat(networks("203.0.113.0/24").lookup("::ffff:203.0.113.50")).map(IpInfo::kind)
        .contains(IpKind.CORPORATE);
  }

  @Test
  void parseCidrs_givesTheCanonicalText_andRefusesHostNamesNamingThem() {
    assertThat(CompanyNetworks.parseCidrs(List.of("2001:DB8:0:BEEF::1/64", " 203.0.113.0/24 ")))
        .extracting(Cidr::text).containsExactly("2001:db8:0:beef::/64", "203.0.113.0/24");
    assertThatThrownBy(() -> CompanyNetworks.parseCidrs(List.of("203.0.113.0/24", "vpn.example.com/32")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("company network: 'vpn.example.com/32' (expected: a CIDR such as 203.0.113.0/24 or 2001:db8:1::/48)");
  }
}
