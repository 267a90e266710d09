package io.telltale.collector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.net.InetAddresses;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrustedProxiesTest {

  private static InetAddress ip(String literal) {
    return InetAddresses.forString(literal);
  }

  @Test
  void cidrsAndAddressesOfBothFamilies_match_howeverTheyAreWritten() throws Exception {
    Predicate<InetAddress> trusted = TrustedProxies.of(List.of("10.0.0.0/8", "2001:DB8:0:0::/64", " 192.0.2.7 "));
    assertThat(trusted.test(ip("10.1.2.3"))).isTrue();
    assertThat(trusted.test(ip("2001:db8::1"))).isTrue();
    assertThat(trusted.test(ip("2001:db8:0:1::1"))).isFalse();
    assertThat(trusted.test(ip("192.0.2.7"))).isTrue();
    assertThat(trusted.test(ip("192.0.2.8"))).isFalse();
    byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 10, 9, 8, 7};
    assertThat(trusted.test(Inet6Address.getByAddress(null, mapped, -1))).as("an IPv4-mapped peer").isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"proxy.internal", "proxy.internal/24", "localhost", "10.0.0.0/33", "10.0.0.0/"})
  void aHostNameOrAMalformedEntry_stopsStartUp_namingIt(String entry) {
    assertThatThrownBy(() -> CollectorConfigLoader.load(null, Map.of("TELLTALE_INGEST_TRUSTED_PROXIES",
        "10.0.0.0/8," + entry)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ingest.trusted_proxies: '" + entry
            + "' (expected: a CIDR such as 10.0.0.0/8 or 2001:db8::/32, or an address; no host names)");
  }
}
