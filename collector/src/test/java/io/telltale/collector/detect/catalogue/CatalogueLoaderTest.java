package io.telltale.collector.detect.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.telltale.collector.detect.yaml.YamlException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogueLoaderTest {

  @Test
  void builtIn_loadsEverySection() {
    Catalogue c = CatalogueLoader.builtIn();
    assertThat(c.remoteTools()).extracting(RemoteToolFamily::family).contains("AnyDesk", "RustDesk", "TeamViewer");
    assertThat(c.usb()).anyMatch(u -> u.manufacturer().equals("PiKVM") && u.confidence().equals("high"));
    assertThat(c.edids()).anyMatch(e -> e.kind().equals("clone-preset") && e.serialString().equals("T8NEE0038522"));
    assertThat(c.vpns()).anyMatch(v -> v.vpn().startsWith("Astrill"));
    assertThat(c.network().neighborOuis()).anyMatch(o -> o.prefix().equals("30:52:53"));
    assertThat(c.network().kvmJigglePeriods()).extracting(NetworkSignatures.Period::seconds).contains(15, 20, 60);
  }

  @Test
  void extraDirectory_isMergedAfterBuiltIn(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("local.yaml"), """
        families:
          - family: HomeGrownRAT
            category: remote-desktop
            processes: [hgrat.exe]
        devices:
          - vendor_id: "abcd"
            product_id: "1234"
            manufacturer: "AcmeKVM"
            kind: ip-kvm
            confidence: high
            device: "Acme KVM"
        """);
    Catalogue c = CatalogueLoader.load(dir);
    assertThat(c.remoteTools()).last().extracting(RemoteToolFamily::family).isEqualTo("HomeGrownRAT");
    assertThat(c.remoteTools().get(c.remoteTools().size() - 1).origin()).endsWith("local.yaml:2");
    assertThat(c.usb()).anyMatch(u -> u.manufacturer().equals("AcmeKVM"));
    assertThat(c.remoteTools().size()).isGreaterThan(CatalogueLoader.builtIn().remoteTools().size());
  }

  @Test
  void badEntries_areRejected_withFileLineAndReason(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("bad.yaml"), """
        devices:
          - vendor_id: "zz"
            product_id: "0104"
            kind: ip-kvm
            confidence: certain
        edids:
          - manufacturer: LNX
            product_code: 70000
            kind: kvm-default
        """);
    assertThatThrownBy(() -> CatalogueLoader.load(dir))
        .isInstanceOfSatisfying(YamlException.class, e -> assertThat(e.getMessage())
            .contains(dir.resolve("bad.yaml") + ":2:5: vendor_id: 'zz' (expected: 4 hex digits)")
            .contains(":5:17: confidence: 'certain' (expected one of: high, low, medium)")
            .contains(":8:19: product_code: 70000 (expected: 0..65535)"));
  }

  @Test
  void missingDirectory_isAnError(@TempDir Path dir) {
    assertThatThrownBy(() -> CatalogueLoader.load(dir.resolve("nope")))
        .isInstanceOf(YamlException.class).hasMessageContaining("not a directory");
  }
}
