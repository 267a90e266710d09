package io.telltale.agent.probe.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EdidDecoderTest {

  /** PiKVM V4 Plus default EDID (INDICATORS.md §4): 256 bytes, both descriptors, 1080p60, 53x30 cm. */
  static byte[] pikvmV4Plus() {
    return new EdidBuilder().manufacturer("LNX", 0x7773, 0x01010101L).made(35, 2016).sizeCm(53, 30)
        .name("PiKVM V4 Plus").serialString("CAFEBABE").extensions(1, 1).build();
  }

  @Test
  void pikvm_allIdentifiersDecoded() {
    Edid e = EdidDecoder.decode(pikvmV4Plus()).orElseThrow();

    assertThat(e.manufacturerId()).isEqualTo("LNX");
    assertThat(e.productCode()).isEqualTo(0x7773);
    assertThat(e.serialNumber()).isEqualTo(0x01010101L);
    assertThat(e.monitorName()).isEqualTo("PiKVM V4 Plus");
    assertThat(e.serialString()).isEqualTo("CAFEBABE");
    assertThat(e.manufactureWeek()).isEqualTo(35);
    assertThat(e.manufactureYear()).isEqualTo(2016);
    assertThat(e.widthCm()).isEqualTo(53);
    assertThat(e.heightCm()).isEqualTo(30);
    assertThat(e.preferredWidthPx()).isEqualTo(1920);
    assertThat(e.preferredHeightPx()).isEqualTo(1080);
    assertThat(e.preferredRefreshMillihz()).isEqualTo(60_000);
    assertThat(e.faults()).isEmpty();
    assertThat(e.sha256()).hasSize(64);
  }

  @Test
  void tinyPilot_nameButNoSerialString_zeroSize_1080pAt30() {
    byte[] b = new EdidBuilder().manufacturer("TSB", 0x9876, 0x88888800L).made(45, 2020).sizeCm(0, 0)
        .name("TinyPilot").preferred(1920, 1080, 280, 45, 7425).build();
    Edid e = EdidDecoder.decode(b).orElseThrow();

    assertThat(e.manufacturerId()).isEqualTo("TSB");
    assertThat(e.serialNumber()).isEqualTo(0x88888800L); // above 2^31: must stay unsigned
    assertThat(e.monitorName()).isEqualTo("TinyPilot");
    assertThat(e.serialString()).isEmpty();
    assertThat(e.widthCm()).isZero();
    assertThat(e.preferredRefreshMillihz()).isEqualTo(30_000);
  }

  @Test
  void jetKvmDefault_announcesMissingExtension_isReportedButDecoded() {
    byte[] b = new EdidBuilder().manufacturer("TSB", 0x8801, 0x88888800L).made(28, 2011)
        .name("T749-fHD720").extensions(1, 0).build();
    Edid e = EdidDecoder.decode(b).orElseThrow();

    assertThat(e.productCode()).isEqualTo(0x8801);
    assertThat(e.extensionsDeclared()).isEqualTo(1);
    assertThat(e.extensionsPresent()).isZero();
    assertThat(e.faults()).containsExactly("1 extension block(s) declared, 0 present");
  }

  @Test
  void zeroChecksums_areFaults_butIdsStillExtracted() {
    byte[] b = new EdidBuilder().manufacturer("TSB", 0x8888, 0x88888800L).name("Toshiba-H2C")
        .extensions(1, 1).zeroChecksums().build();
    Edid e = EdidDecoder.decode(b).orElseThrow();

    assertThat(e.faults()).containsExactly("block 0 checksum", "block 1 checksum");
    assertThat(e.monitorName()).isEqualTo("Toshiba-H2C");
  }

  @Test
  void clonePreset_keepsRealMonitorSerialString() {
    byte[] b = new EdidBuilder().manufacturer("DEL", 0x2013, 0x39363945L).made(32, 2020).name("DELL D2721H")
        .serialString("3S5GQ23").build();
    Edid e = EdidDecoder.decode(b).orElseThrow();

    assertThat(e.manufacturerId()).isEqualTo("DEL");
    assertThat(e.serialString()).isEqualTo("3S5GQ23");
    assertThat(e.monitorName()).isEqualTo("DELL D2721H");
  }

  @Test
  void sameBytes_sameHash_differentBytes_differentHash() {
    assertThat(EdidDecoder.decode(pikvmV4Plus()).orElseThrow().sha256())
        .isEqualTo(EdidDecoder.decode(pikvmV4Plus()).orElseThrow().sha256());
    byte[] other = new EdidBuilder().manufacturer("LNX", 0x7772, 0x01010101L).name("PiKVM V4 Mini").build();
    assertThat(EdidDecoder.decode(other).orElseThrow().sha256())
        .isNotEqualTo(EdidDecoder.decode(pikvmV4Plus()).orElseThrow().sha256());
  }

  @Test
  void notAnEdid_isEmpty() {
    assertThat(EdidDecoder.decode(new byte[0])).isEmpty();
    assertThat(EdidDecoder.decode(new byte[128])).isEmpty();
  }

  /** Cross-check against the reference dumps in ../shared/fixtures/edid when they are present (read, never copied). */
  @ParameterizedTest
  @CsvSource({
      "pikvm_v4plus.hex, LNX, 7773, 01010101, CAFEBABE, PiKVM V4 Plus, 1920, 60000",
      "pikvm__1080p-by-default.hex, LNX, 7771, 01010101, CAFEBABE, PiKVM, 1920, 50000",
      "tinypilot_edid_pi4.hex, TSB, 9876, 88888800, '', TinyPilot, 1920, 0",
      "jet_4.hex, DEL, 2013, 39363945, 3S5GQ23, DELL D2721H, 1920, 60000",
      "ms21xx_example.hex, HJW, 2130, 0134660A, '', HDMI TO USB, 1920, 60000",
  })
  void sharedReferenceDumps_decodeToTheirDocumentedFacts(String file, String mfg, String product, String serial,
      String serialString, String name, int width, int refresh) throws IOException {
    Path path = sharedEdid(file);
    assumeTrue(path != null, "shared EDID dumps not present");
    String hex = Files.readString(path).replaceAll("\\s", "");
    Edid e = EdidDecoder.decode(HexFormat.of().parseHex(hex)).orElseThrow();

    assertThat(e.manufacturerId()).isEqualTo(mfg);
    assertThat(e.productCode()).isEqualTo(Integer.parseInt(product, 16));
    assertThat(e.serialNumber()).isEqualTo(Long.parseLong(serial, 16));
    assertThat(e.serialString()).isEqualTo(serialString == null ? "" : serialString);
    assertThat(e.monitorName()).isEqualTo(name);
    assertThat(e.preferredWidthPx()).isEqualTo(width);
    if (refresh > 0) {
      assertThat(e.preferredRefreshMillihz()).isBetween(refresh - 500, refresh + 500);
    } else {
      assertThat(e.preferredRefreshMillihz()).isBetween(29_000, 31_000);
    }
  }

  private static Path sharedEdid(String file) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path p = dir.resolve("shared/fixtures/edid").resolve(file);
      if (Files.isRegularFile(p)) {
        return p;
      }
      p = dir.resolveSibling("shared/fixtures/edid").resolve(file);
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    return null;
  }
}
