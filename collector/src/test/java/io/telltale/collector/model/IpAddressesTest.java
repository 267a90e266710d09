package io.telltale.collector.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressesTest {

  @ParameterizedTest
  @CsvSource({
      "203.0.113.7, 203.0.113.7",
      "' 203.0.113.7 ', 203.0.113.7",
      "2001:DB8:0:0:1::1, 2001:db8::1:0:0:1",
      "2001:db8::1:0:0:1, 2001:db8::1:0:0:1",
      "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
      "2001:0db8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
      "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
      "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
      "0:0:0:0:0:0:0:0, ::",
      "0:0:0:0:0:0:0:1, ::1",
      "FE80::1%eth0, fe80::1%eth0",
      "fe80:0:0:0:0:0:0:1%2, fe80::1%2",
      "::ffff:203.0.113.7, 203.0.113.7",
      "::FFFF:CB00:7107, 203.0.113.7",
      "0:0:0:0:0:ffff:cb00:7107, 203.0.113.7"})
  void canonical_isRfc5952_andAnIpv4MappedAddressIsItsIpv4Address(String written, String canonical) {
    assertThat(IpAddresses.canonical(written)).isEqualTo(canonical);
    assertThat(IpAddresses.canonical(canonical)).as("canonical is a fixed point").isEqualTo(canonical);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "localhost", "example.com", "dead.beef.cafe.face", "a.b.c.d", "1.2.3",
      "1.2.3.4.5", "256.1.1.1", "010.1.1.1", "1.2.3.4:443", "[2001:db8::1]", "2001:db8::1::1", "2001:db8::g",
      "1.2.3.4%eth0", "::ffff:1.2.3.4%3", "fe80::1%", "fe80::1%eth 0", "fe80::1/64"})
  void notAnAddressLiteral_isEmpty_andCanonicalSaysWhatWasExpected(String text) {
    assertThat(IpAddresses.parse(text)).isEmpty();
    assertThat(IpAddresses.bytes(text)).isNull();
    assertThatThrownBy(() -> IpAddresses.canonical(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'" + text + "' is not an IP address (expected: an IPv4 or IPv6 address such as 203.0.113.7"
            + " or 2001:db8::7)");
  }

  @Test
  void aLongNonAddress_isShortenedInTheMessage() {
    assertThatThrownBy(() -> IpAddresses.canonical("x".repeat(1000)))
        .hasMessageStartingWith("'" + "x".repeat(61) + "...' is not an IP address");
  }

  @Test
  void bytes_areFourForIpv4_alsoWrittenMapped_andSixteenForIpv6() {
    assertThat(IpAddresses.bytes("::ffff:203.0.113.7")).containsExactly(203, 0, 113, 7);
    assertThat(IpAddresses.bytes("2001:DB8::1")).hasSize(16).isEqualTo(IpAddresses.bytes("2001:db8:0:0:0:0:0:1"));
    assertThat(IpAddresses.bytes("fe80::1%eth0")).as("a zone is no network's address").isNull();
  }

  @ParameterizedTest
  @CsvSource({
      "192.168.0.23/24, 192.168.0.23/24",
      "FE80:0:0:0:0:0:0:1%wlp2s0/64, fe80::1%wlp2s0/64",
      "2001:DB8::1/32, 2001:db8::1/32",
      "::ffff:192.0.2.0/120, 192.0.2.0/24",
      "10.0.0.7, 10.0.0.7",
      "0.0.0.0/0, 0.0.0.0/0"})
  void withPrefix_keepsTheAddressUnmasked_andCountsAMappedLengthFromItsIpv4Part(String written, String canonical) {
    assertThat(IpAddresses.parseWithPrefix(written)).contains(canonical);
  }

  @ParameterizedTest
  @ValueSource(strings = {"192.168.0.23/33", "2001:db8::/129", "::ffff:192.0.2.0/64", "10.0.0.0/-1", "10.0.0.0/",
      "10.0.0.0/8/8", "10.0.0.0/0x8", "host.example/24"})
  void withPrefix_refusesLengthsBeyondTheFamily_andNames(String written) {
    assertThat(IpAddresses.parseWithPrefix(written)).isEmpty();
  }

  @Test
  void canonical_ofWhatTheNetworkStackHandsOver_isTheSameText() throws Exception {
    assertThat(IpAddresses.canonical(InetAddress.getByName("2001:DB8:0:0:1::1"))).isEqualTo("2001:db8::1:0:0:1");
    assertThat(IpAddresses.canonical(InetAddress.getByName("127.0.0.1"))).isEqualTo("127.0.0.1");
    byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 203, 0, 113, 7};
    // Netty can build an Inet6Address of a mapped address (the JDK's parser would not): still the IPv4 text.
    assertThat(IpAddresses.canonical(Inet6Address.getByAddress(null, mapped, -1))).isEqualTo("203.0.113.7");
  }
}
