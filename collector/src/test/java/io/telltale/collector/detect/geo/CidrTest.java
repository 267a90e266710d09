package io.telltale.collector.detect.geo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {

  @ParameterizedTest
  @CsvSource({
      "203.0.113.50/24, 203.0.113.0/24",
      "' 203.0.113.0/24 ', 203.0.113.0/24",
      "203.0.113.7, 203.0.113.7",
      "2001:DB8::1/32, 2001:db8::/32",
      "2001:0DB8:0000:BEEF:0000:0000:0000:0000/64, 2001:db8:0:beef::/64",
      "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
      "::ffff:192.0.2.0/120, 192.0.2.0/24",
      "::/0, ::/0"})
  void text_isTheMaskedNetworkInTheCanonicalForm(String written, String text) {
    Cidr c = Cidr.parse(written);
    assertThat(c).isNotNull();
    assertThat(c.text()).isEqualTo(text);
    assertThat(c).isEqualTo(Cidr.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "example.com/24", "dead.beef.cafe.face/16", "a.b.c.d", "10.0.0.0/33", "2001:db8::/129",
      "::ffff:192.0.2.0/64", "fe80::%eth0/64", "10.0.0.0/x", "010.0.0.0/8"})
  void notALiteralPrefix_isNull_neverALookup(String written) {
    assertThat(Cidr.parse(written)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2001:db8:0:beef::7", "2001:DB8:0:BEEF:0:0:0:7", "2001:0db8:0000:beef:0000:0000:0000:0007"})
  void contains_anAddressHoweverItIsWritten(String ip) {
    assertThat(Cidr.parse("2001:db8:0:beef::/64").contains(ip)).isTrue();
    assertThat(Cidr.parse("2001:db8:0:bef0::/64").contains(ip)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"192.0.2.77", "::ffff:192.0.2.77", "::FFFF:C000:24D"})
  void anIpv4Prefix_containsAnIpv4MappedAddress(String ip) {
    assertThat(Cidr.parse("192.0.2.0/24").contains(ip)).isTrue();
  }
}
