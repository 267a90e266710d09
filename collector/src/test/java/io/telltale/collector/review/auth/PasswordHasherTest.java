package io.telltale.collector.review.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

  private final PasswordHasher hasher = new PasswordHasher();

  @Test
  void hash_isArgon2idPhcWithDocumentedParameters_andSaltedPerCall() {
    String a = hasher.hash("correct horse battery staple");
    String b = hasher.hash("correct horse battery staple");
    assertThat(a).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void verify_acceptsTheRightPasswordOnly_andNeverThrowsOnGarbage() {
    String h = hasher.hash("correct horse battery staple");
    assertThat(hasher.verify("correct horse battery staple", h)).isTrue();
    assertThat(hasher.verify("correct horse battery stapl", h)).isFalse();
    assertThat(hasher.verify("x", "not a hash")).isFalse();
    assertThat(hasher.verify("x", "$argon2i$v=19$m=8,t=1,p=1$AAAA$AAAA")).isFalse();
  }

  @Test
  void shortPassword_isRefusedWithLengthAndMinimum() {
    assertThatThrownBy(() -> PasswordHasher.checkStrength("short"))
        .hasMessage("password: 5 characters (expected: at least 12)");
  }
}
