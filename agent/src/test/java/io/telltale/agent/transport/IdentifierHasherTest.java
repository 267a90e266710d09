package io.telltale.agent.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class IdentifierHasherTest {

  private static final byte[] KEY = new byte[32];

  static {
    Arrays.fill(KEY, (byte) 7);
  }

  @Test
  void hashed_isHmacSha256TruncatedTo128Bits() throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
    String expected = HexFormat.of().formatHex(mac.doFinal("HomeNet".getBytes(StandardCharsets.UTF_8)), 0, 16);

    assertThat(IdentifierHasher.hashed(KEY).network("HomeNet")).isEqualTo("hmac:" + expected).hasSize(5 + 32);
  }

  @Test
  void sameMac_inEveryOsNotation_hashesTheSame() {
    IdentifierHasher hasher = IdentifierHasher.hashed(KEY);
    String linux = hasher.network("dc:a6:32:01:02:0a");
    assertThat(hasher.network("DC-A6-32-01-02-0A")).isEqualTo(linux); // Windows
    assertThat(hasher.network("dc:a6:32:1:2:a")).isEqualTo(linux); // macOS arp -an
    assertThat(hasher.network("dca6.3201.020a")).isEqualTo(linux); // Cisco style
    assertThat(hasher.network("DCA63201020A")).isEqualTo(linux);
  }

  @Test
  void differentKeys_giveDifferentHashes() {
    byte[] other = KEY.clone();
    other[0] = 8;
    assertThat(IdentifierHasher.hashed(other).network("HomeNet"))
        .isNotEqualTo(IdentifierHasher.hashed(KEY).network("HomeNet"));
  }

  @Test
  void plain_keepsValue_butNormalisesMacs() {
    IdentifierHasher plain = IdentifierHasher.plain();
    assertThat(plain.network("HomeNet")).isEqualTo("HomeNet");
    assertThat(plain.network("DC-A6-32-01-02-0A")).isEqualTo("dc:a6:32:01:02:0a");
    assertThat(plain.isHashed()).isFalse();
  }

  @Test
  void empty_staysEmpty_inBothModes() {
    assertThat(IdentifierHasher.hashed(KEY).network("")).isEmpty();
    assertThat(IdentifierHasher.plain().network("")).isEmpty();
  }

  @Test
  void oui_isFirstThreeOctets_lowerCaseColon() {
    assertThat(IdentifierHasher.oui("B8-27-EB-12-34-56")).isEqualTo("b8:27:eb");
    assertThat(IdentifierHasher.oui("4:c9:8b:10:0:1")).isEqualTo("04:c9:8b");
    assertThat(IdentifierHasher.oui("not a mac")).isEmpty();
    assertThat(IdentifierHasher.oui("(incomplete)")).isEmpty();
  }

  @Test
  void keyOfWrongLength_isRejectedWithItsLength() {
    assertThatThrownBy(() -> IdentifierHasher.hashed(new byte[16]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("key32: 16 bytes (expected: 32)");
  }
}
