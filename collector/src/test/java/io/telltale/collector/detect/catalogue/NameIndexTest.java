package io.telltale.collector.detect.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The index answers exactly what trying every pattern of every entry answers. */
class NameIndexTest {

  private static final Catalogue CATALOGUE = CatalogueLoader.builtIn();

  /** Names from the catalogue itself, their case variants, versions and near misses. */
  private static List<String> probes() {
    List<String> out = new ArrayList<>(List.of("", "AnyDesk.exe", "ANYDESK.EXE", "anydesk", "TeamViewer 15",
        "TeamViewer15", "TeamViewer-15.2", "Chrome Remote Desktop Host", "remoting_host", "rustdesk",
        "RustDesk.exe", "explorer.exe", "sshd", "com.anydesk.anydeskmacos", "Mouse Jiggler", "Astrill",
        "AstrillVPN.exe", "Caffeine 1.1", "İ", "x"));
    for (RemoteToolFamily f : CATALOGUE.remoteTools()) {
      for (List<NamePattern> ps : List.of(f.processes(), f.apps(), f.services(), f.bundleIds(), f.signers())) {
        for (NamePattern p : ps) {
          String t = p.text();
          out.add(t.replace("*", ""));
          out.add(t.replace("*", "abc").toUpperCase(java.util.Locale.ROOT));
          out.add(t.replace("*", "") + " 2024.3");
          out.add(t.replace("*", "") + "s");
        }
      }
    }
    return out;
  }

  private static <T> void assertSameAsBruteForce(List<T> entries, Function<T, List<NamePattern>> patterns) {
    NameIndex index = NameIndex.of(entries, patterns);
    for (String name : probes()) {
      BitSet matches = new BitSet();
      BitSet products = new BitSet();
      for (int i = 0; i < entries.size(); i++) {
        for (NamePattern p : patterns.apply(entries.get(i))) {
          if (!name.isEmpty() && p.matches(name)) {
            matches.set(i);
          }
          if (!name.isEmpty() && p.matchesProduct(name)) {
            products.set(i);
          }
        }
      }
      assertThat(index.matching(name)).as("matching %s", name).isEqualTo(matches);
      assertThat(index.matchingProduct(name)).as("matchingProduct %s", name).isEqualTo(products);
      // Asked again (now from the memory of wildcard verdicts), after the caller changed its answer.
      index.matching(name).set(entries.size() + 3);
      assertThat(index.matching(name)).as("matching %s, remembered", name).isEqualTo(matches);
    }
  }

  @Test
  void theMemoryOfNamesIsBounded_andForgettingChangesNoAnswer() {
    NameIndex index = NameIndex.of(CATALOGUE.remoteTools(), RemoteToolFamily::processes);
    BitSet anydesk = index.matching("AnyDesk.exe");
    for (int i = 0; i <= NameIndex.MEMO_NAMES; i++) {
      assertThat(index.matching("proc-" + i).isEmpty()).isTrue();
    }
    assertThat(anydesk.isEmpty()).isFalse();
    assertThat(index.matching("AnyDesk.exe")).isEqualTo(anydesk);
    String longName = "x".repeat(NameIndex.MEMO_MAX_LENGTH) + "AnyDesk.exe";
    assertThat(index.matching(longName)).isEqualTo(index.matching(longName));
  }

  @Test
  void remoteTools_everyKindOfName() {
    assertSameAsBruteForce(CATALOGUE.remoteTools(), RemoteToolFamily::processes);
    assertSameAsBruteForce(CATALOGUE.remoteTools(), RemoteToolFamily::apps);
    assertSameAsBruteForce(CATALOGUE.remoteTools(), RemoteToolFamily::services);
    assertSameAsBruteForce(CATALOGUE.remoteTools(), RemoteToolFamily::bundleIds);
    assertSameAsBruteForce(CATALOGUE.remoteTools(), RemoteToolFamily::signers);
  }

  @Test
  void jigglersAndVpns() {
    assertSameAsBruteForce(CATALOGUE.jigglers(), JigglerSignature::processes);
    assertSameAsBruteForce(CATALOGUE.jigglers(), JigglerSignature::apps);
    assertSameAsBruteForce(CATALOGUE.vpns(), VpnSignature::processes);
    assertSameAsBruteForce(CATALOGUE.vpns(), VpnSignature::apps);
  }

  @Test
  void wildcardShapes() {
    List<List<NamePattern>> entries = List.of(List.of(NamePattern.of("team*")), List.of(NamePattern.of("*desk")),
        List.of(NamePattern.of("*vnc*")), List.of(NamePattern.of("a*b*c")), List.of(NamePattern.of("AnyDesk")));
    NameIndex index = NameIndex.of(entries, e -> e);
    assertThat(index.matching("TeamViewer").stream().toArray()).containsExactly(0);
    assertThat(index.matching("AnyDesk").stream().toArray()).containsExactly(1, 4);
    assertThat(index.matching("TightVNC Server").stream().toArray()).containsExactly(2);
    assertThat(index.matching("aXbYc").stream().toArray()).containsExactly(3);
    assertThat(index.matchingProduct("anydesk 7.1").stream().toArray()).containsExactly(4);
    assertThat(index.matchingProduct("anydesks").stream().toArray()).isEmpty();
  }
}
