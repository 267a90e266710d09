package io.telltale.collector.detect.geo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrefixTableTest {

  private static Cidr cidr(String s) {
    return Cidr.parse(s);
  }

  @Test
  void longestPrefixWins_inBothFamilies() {
    PrefixTable<String> t = new PrefixTable<String>()
        .put(cidr("198.51.100.0/24"), "isp")
        .put(cidr("198.51.100.128/25"), "hotel")
        .put(cidr("198.51.100.77/32"), "host")
        .put(cidr("2001:db8::/32"), "v6")
        .put(cidr("2001:db8:1::/48"), "v6-office");
    assertThat(t.lookup("198.51.100.5")).contains("isp");
    assertThat(t.lookup("198.51.100.200")).contains("hotel");
    assertThat(t.lookup("198.51.100.77")).contains("host");
    assertThat(t.lookup("2001:db8:1:2::9")).contains("v6-office");
    assertThat(t.lookup("2001:db8:2::9")).contains("v6");
  }

  @Test
  void anIpv6Prefix_matchesAddressesHoweverWritten_andAMappedAddressIsItsIpv4() {
    PrefixTable<String> t = new PrefixTable<String>()
        .put(cidr("2001:DB8:0:0:1::/80"), "home")
        .put(cidr("198.51.100.0/24"), "isp");
    assertThat(t.lookup("2001:db8::1:0:0:1")).contains("home");
    assertThat(t.lookup("2001:DB8:0:0:1:0:0:1")).contains("home");
    assertThat(t.lookup("2001:0db8:0000:0000:0001:0000:0000:0001")).contains("home");
    assertThat(t.lookup("2001:db8::2:0:0:1")).isEmpty();
    assertThat(t.lookup("::ffff:198.51.100.9")).contains("isp");
  }

  @Test
  void noMatch_orNotAnAddress_isEmpty() {
    PrefixTable<String> t = new PrefixTable<String>().put(cidr("10.0.0.0/8"), "lan");
    assertThat(t.lookup("11.0.0.1")).isEmpty();
    assertThat(t.lookup("::1")).isEmpty();
    assertThat(t.lookup("example.com")).isEmpty();
    assertThat(t.lookup("dead.beef.cafe.face")).isEmpty();
    assertThat(t.lookup("")).isEmpty();
  }

  @Test
  void defaultRoute_matchesEverythingOfItsFamily() {
    PrefixTable<String> t = new PrefixTable<String>().put(cidr("0.0.0.0/0"), "any4");
    assertThat(t.lookup("203.0.113.9")).contains("any4");
    assertThat(t.lookup("2001:db8::1")).isEmpty();
  }
}
