package io.telltale.collector.detect.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamePatternTest {

  @Test
  void exact_ignoresCase_andNothingElse() {
    NamePattern p = NamePattern.of("AnyDesk.exe");
    assertThat(p.matches("anydesk.EXE")).isTrue();
    assertThat(p.matches("AnyDesk.exe.bak")).isFalse();
    assertThat(p.matches("")).isFalse();
  }

  @Test
  void prefixSuffixAndContains_matchWithoutARegex() {
    assertThat(NamePattern.of("rustdesk*").matches("RustDesk-1.2.3.exe")).isTrue();
    assertThat(NamePattern.of("rustdesk*").matches("my-rustdesk")).isFalse();
    assertThat(NamePattern.of("*vnc.exe").matches("TightVNC.EXE")).isTrue();
    assertThat(NamePattern.of("*vnc.exe").matches("vnc.exe.old")).isFalse();
    assertThat(NamePattern.of("*jiggl*").matches("MouseJiggler")).isTrue();
    assertThat(NamePattern.of("*jiggl*").matches("wiggle")).isFalse();
  }

  @Test
  void innerWildcardsAndLoneStar_useTheGeneralMatcher() {
    assertThat(NamePattern.of("team*viewer*").matches("TeamViewer_Service")).isTrue();
    assertThat(NamePattern.of("team*viewer*").matches("viewer-team")).isFalse();
    assertThat(NamePattern.of("*").matches("anything")).isTrue();
    assertThat(NamePattern.of("a.b").matches("axb")).isFalse(); // dots are literal
  }

  @Test
  void matchesProduct_acceptsAVersionOrEditionAfterTheName() {
    NamePattern p = NamePattern.of("TeamViewer");
    assertThat(p.matchesProduct("TeamViewer 15")).isTrue();
    assertThat(p.matchesProduct("TeamViewerQS")).isFalse();
  }
}
