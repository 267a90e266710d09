package io.telltale.collector.detect.geo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressScopeTest {

  @ParameterizedTest
  @CsvSource({
      "81.2.69.160, PUBLIC",
      "8.8.8.8, PUBLIC",
      "100.63.255.255, PUBLIC",
      "100.128.0.1, PUBLIC",
      "172.32.0.1, PUBLIC",
      "2a02:1234::1, PUBLIC",
      "192.0.2.10, DOCUMENTATION",
      "198.51.100.188, DOCUMENTATION",
      "203.0.113.9, DOCUMENTATION",
      "198.19.1.1, DOCUMENTATION",
      "2001:db8:57d8:4ba8::5f6, DOCUMENTATION",
      "2001:DB8:0:0:1::1, DOCUMENTATION",
      "::FFFF:CB00:7107, DOCUMENTATION",
      "10.0.0.1, NOT_PUBLIC",
      "172.16.5.4, NOT_PUBLIC",
      "192.168.1.1, NOT_PUBLIC",
      "127.0.0.1, NOT_PUBLIC",
      "100.64.0.1, NOT_PUBLIC",
      "169.254.10.1, NOT_PUBLIC",
      "0.0.0.0, NOT_PUBLIC",
      "224.0.0.251, NOT_PUBLIC",
      "255.255.255.255, NOT_PUBLIC",
      "::1, NOT_PUBLIC",
      "::, NOT_PUBLIC",
      "fd12:3456::1, NOT_PUBLIC",
      "fe80::1, NOT_PUBLIC",
      "::ffff:192.168.0.1, NOT_PUBLIC",
      "::ffff:81.2.69.160, PUBLIC",
      "'', NOT_PUBLIC",
      "localhost, NOT_PUBLIC",
      "dead.beef.cafe.face, NOT_PUBLIC",
      "1.2.3, NOT_PUBLIC",
      "fe80::1%eth0, NOT_PUBLIC"})
  void classifiesReportedPublicAddresses(String ip, AddressScope expected) {
    assertThat(AddressScope.of(ip)).isEqualTo(expected);
  }
}
