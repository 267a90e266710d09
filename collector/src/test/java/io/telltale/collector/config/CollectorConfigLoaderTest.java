package io.telltale.collector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectorConfigLoaderTest {

  @TempDir Path dir;

  @Test
  void sampleFile_inPackaging_equalsTheBuiltInDefaults() throws Exception {
    Path sample = Path.of("../packaging/collector.yml");
    assertThat(sample).exists();
    assertThat(CollectorConfigLoader.load(sample, Map.of())).isEqualTo(CollectorConfigLoader.load(null, Map.of()));
  }

  @Test
  void envOverride_winsOverTheFile_andListsAreCommaSeparated() throws Exception {
    Path file = dir.resolve("c.yml");
    Files.writeString(file, "store:\n  type: sqlite\ningest:\n  trusted_proxies: [10.0.0.0/8]\n");
    CollectorConfig c = CollectorConfigLoader.load(file, Map.of(
        "TELLTALE_STORE_TYPE", "postgres",
        "TELLTALE_STORE_POSTGRES_URL", "jdbc:postgresql://db:5432/telltale",
        "TELLTALE_INGEST_TRUSTED_PROXIES", "192.0.2.0/24, 198.51.100.7"));
    assertThat(c.store().type()).isEqualTo(CollectorConfig.StoreType.POSTGRES);
    assertThat(c.store().postgres().url()).isEqualTo("jdbc:postgresql://db:5432/telltale");
    assertThat(c.ingest().trustedProxies()).containsExactly("192.0.2.0/24", "198.51.100.7");
  }

  @Test
  void unknownKey_stopsStartUp_namingTheKey() throws Exception {
    Path file = dir.resolve("c.yml");
    Files.writeString(file, "store:\n  typo: 1\n");
    assertThatThrownBy(() -> CollectorConfigLoader.load(file, Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown key 'store.typo'");
  }

  @Test
  void postgresWithoutUrl_isAStructuralMistake() {
    assertThatThrownBy(() -> CollectorConfigLoader.load(null, Map.of("TELLTALE_STORE_TYPE", "postgres")))
        .hasMessageStartingWith("store.postgres.url: ''");
  }

  @Test
  void outOfRangeTunable_isClamped() throws Exception {
    CollectorConfig c = CollectorConfigLoader.load(null, Map.of("TELLTALE_RETENTION_RAW_DAYS", "0",
        "TELLTALE_INGEST_MAX_BATCH", "20000"));
    assertThat(c.retention().rawData()).isEqualTo(Duration.ofDays(1));
    assertThat(c.ingest().maxBatch()).isEqualTo(10_000);
  }

  @Test
  void malformedNumber_namesTheKey() {
    assertThatThrownBy(() -> CollectorConfigLoader.load(null, Map.of("TELLTALE_SERVER_PORT", "http")))
        .hasMessage("server.port: http (expected: an integer)");
  }

  @Test
  void defaults_derivePathsFromTheDataDirectory() throws Exception {
    CollectorConfig c = CollectorConfigLoader.load(null, Map.of("TELLTALE_DATA_DIR", "/var/lib/telltale"));
    assertThat(c.pki().dir()).isEqualTo(Path.of("/var/lib/telltale/pki"));
    assertThat(c.store().sqlitePath()).isEqualTo(Path.of("/var/lib/telltale/telltale.db"));
    assertThat(c.agent().enabledProbes()).isEqualTo(List.of());
  }
}
