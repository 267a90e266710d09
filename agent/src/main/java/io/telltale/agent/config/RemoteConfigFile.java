package io.telltale.agent.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;

/** Reads and writes {@link RemoteConfig} as a properties file in the state directory. */
final class RemoteConfigFile {

  private RemoteConfigFile() {}

  static RemoteConfig read(Path file) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (NoSuchFileException e) {
      return RemoteConfig.NONE;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    try {
      String probes = p.getProperty("enabled_probes", "");
      return new RemoteConfig(
          Long.parseLong(p.getProperty("version", "0")),
          Integer.parseInt(p.getProperty("report_interval_seconds", "0")),
          Integer.parseInt(p.getProperty("full_inventory_interval_seconds", "0")),
          probes.isBlank() ? java.util.List.of() : Arrays.asList(probes.split(",")),
          RemoteConfig.PrivacyMode.valueOf(p.getProperty("privacy_mode", "HASHED")),
          Long.parseLong(p.getProperty("spool_max_bytes", "0")),
          Integer.parseInt(p.getProperty("cpu_limit_permille", "0")),
          Long.parseLong(p.getProperty("memory_limit_bytes", "0")));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": damaged (" + e.getMessage() + "); delete it to fetch it again", e);
    }
  }

  static Properties toProperties(RemoteConfig c) {
    Properties p = new Properties();
    p.setProperty("version", Long.toString(c.version()));
    p.setProperty("report_interval_seconds", Integer.toString(c.reportIntervalSeconds()));
    p.setProperty("full_inventory_interval_seconds", Integer.toString(c.fullInventoryIntervalSeconds()));
    p.setProperty("enabled_probes", String.join(",", c.enabledProbes()));
    p.setProperty("privacy_mode", c.privacyMode().name());
    p.setProperty("spool_max_bytes", Long.toString(c.spoolMaxBytes()));
    p.setProperty("cpu_limit_permille", Integer.toString(c.cpuLimitPermille()));
    p.setProperty("memory_limit_bytes", Long.toString(c.memoryLimitBytes()));
    return p;
  }
}
