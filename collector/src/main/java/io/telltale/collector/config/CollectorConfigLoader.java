package io.telltale.collector.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.telltale.collector.ingest.AgentConfigTemplate;
import io.telltale.collector.model.AgentSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code collector.yml} and environment overrides ({@code store.postgres.url} ←
 * {@code TELLTALE_STORE_POSTGRES_URL}; lists comma-separated) into a {@link CollectorConfig}. The only code
 * that reads configuration files or the environment. Unknown keys and malformed values stop start-up with
 * a message naming the key; out-of-range tunables are clamped with one WARN.
 */
public final class CollectorConfigLoader {

  private static final Logger logger = LoggerFactory.getLogger(CollectorConfigLoader.class);

  /** Every key with its default; a List default marks a list-valued key. Mirrors packaging/collector.yml. */
  static final Map<String, Object> DEFAULTS = new LinkedHashMap<>();

  static {
    DEFAULTS.put("data_dir", "./telltale-data");
    DEFAULTS.put("server.port", "8443");
    DEFAULTS.put("server.tls_names", List.of());
    DEFAULTS.put("pki.dir", "");
    DEFAULTS.put("pki.client_cert_validity_days", "90");
    DEFAULTS.put("pki.renew_before_days", "7");
    DEFAULTS.put("store.type", "sqlite");
    DEFAULTS.put("store.sqlite.path", "");
    DEFAULTS.put("store.postgres.url", "");
    DEFAULTS.put("store.postgres.user", "");
    DEFAULTS.put("store.postgres.password_file", "");
    DEFAULTS.put("store.postgres.pool_size", "8");
    DEFAULTS.put("ingest.queue_capacity", "10000");
    DEFAULTS.put("ingest.max_batch", "500");
    DEFAULTS.put("ingest.trusted_proxies", List.of());
    DEFAULTS.put("ingest.handoff_queue", "10000");
    DEFAULTS.put("ingest.auth_cache_seconds", "30");
    DEFAULTS.put("agent.report_interval_seconds", "300");
    DEFAULTS.put("agent.full_inventory_interval_seconds", "86400");
    DEFAULTS.put("agent.enabled_probes", List.of());
    DEFAULTS.put("agent.privacy_mode", "hashed");
    DEFAULTS.put("agent.spool_max_bytes", "0");
    DEFAULTS.put("agent.cpu_limit_permille", "0");
    DEFAULTS.put("agent.memory_limit_bytes", "0");
    DEFAULTS.put("retention.raw_days", "90");
    DEFAULTS.put("retention.interval_minutes", "60");
    DEFAULTS.put("fleet.leader_poll_seconds", "5");
    DEFAULTS.put("admin.password", "");
    DEFAULTS.put("detect.policy_file", "");
    DEFAULTS.put("detect.catalogue_dir", "");
    DEFAULTS.put("detect.ip_intel_file", "");
    DEFAULTS.put("detect.company_networks", List.of());
    DEFAULTS.put("detect.company_asns", List.of());
    DEFAULTS.put("detect.sweep_minutes", "10");
    DEFAULTS.put("detect.queue", "10000");
    DEFAULTS.put("detect.cache_devices", "10000");
  }

  private CollectorConfigLoader() {}

  /** Reads {@code file} (when not null) and the process environment. */
  public static CollectorConfig load(@Nullable Path file) throws IOException {
    return load(file, System.getenv());
  }

  public static CollectorConfig load(@Nullable Path file, Map<String, String> env) throws IOException {
    Map<String, Object> values = new LinkedHashMap<>(DEFAULTS);
    if (file != null) {
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
      if (root != null && !root.isNull() && !root.isMissingNode()) {
        if (!root.isObject()) {
          throw new IllegalArgumentException(file + ": top level is not a mapping (expected: key: value lines)");
        }
        flatten("", root, values, file.toString());
      }
    }
    for (Map.Entry<String, Object> e : DEFAULTS.entrySet()) {
      String v = env.get(envName(e.getKey()));
      if (v != null) {
        values.put(e.getKey(), e.getValue() instanceof List ? splitList(v) : v.trim());
      }
    }
    return new Values(values).build();
  }

  /**
   * The process environment's overrides of {@code keys} only (for {@link #load(Path, Map)}): a process that
   * must not be redirected by the rest of the environment, such as the demo on its own embedded store.
   */
  public static Map<String, String> environment(String... keys) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String key : keys) {
      String v = System.getenv(envName(key));
      if (v != null) {
        out.put(envName(key), v);
      }
    }
    return out;
  }

  /** {@code store.postgres.url} → {@code TELLTALE_STORE_POSTGRES_URL}. */
  public static String envName(String key) {
    return "TELLTALE_" + key.toUpperCase(Locale.ROOT).replace('.', '_');
  }

  private static void flatten(String prefix, JsonNode node, Map<String, Object> out, String source) {
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      String key = prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey();
      JsonNode v = f.getValue();
      if (v.isObject() && !DEFAULTS.containsKey(key)) {
        flatten(key, v, out, source);
        continue;
      }
      if (!DEFAULTS.containsKey(key)) {
        throw new IllegalArgumentException(source + ": unknown key '" + key + "' (expected one of: "
            + String.join(", ", DEFAULTS.keySet()) + ")");
      }
      boolean list = DEFAULTS.get(key) instanceof List;
      if (list) {
        if (v.isNull()) {
          out.put(key, List.of());
        } else if (!v.isArray()) {
          throw new IllegalArgumentException(source + ": " + key + ": " + v + " (expected: a list)");
        } else {
          List<String> items = new ArrayList<>();
          v.forEach(x -> items.add(x.asText().trim()));
          out.put(key, items);
        }
      } else if (v.isValueNode()) {
        out.put(key, v.isNull() ? "" : v.asText().trim());
      } else {
        throw new IllegalArgumentException(source + ": " + key + ": " + v + " (expected: a single value)");
      }
    }
  }

  private static List<String> splitList(String v) {
    List<String> out = new ArrayList<>();
    for (String s : v.split(",")) {
      if (!s.isBlank()) {
        out.add(s.trim());
      }
    }
    return out;
  }

  /** Typed access with validation messages naming the key. */
  private record Values(Map<String, Object> map) {

    String string(String key) {
      return (String) map.get(key);
    }

    @SuppressWarnings("unchecked")
    List<String> list(String key) {
      return (List<String>) map.get(key);
    }

    long number(String key, long min, long max) {
      String s = string(key);
      long v;
      try {
        v = Long.parseLong(s);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(key + ": " + s + " (expected: an integer)");
      }
      if (v < min || v > max) {
        long clamped = Math.max(min, Math.min(max, v));
        logger.warn("{}: {} (expected: {}..{}); using {}", key, v, min, max, clamped);
        return clamped;
      }
      return v;
    }

    int integer(String key, int min, int max) {
      return (int) number(key, min, max);
    }

    CollectorConfig build() {
      Path dataDir = Path.of(string("data_dir").isEmpty() ? "./telltale-data" : string("data_dir"));
      String pkiDir = string("pki.dir");
      String sqlite = string("store.sqlite.path");
      String type = string("store.type").toLowerCase(Locale.ROOT);
      CollectorConfig.StoreType storeType = switch (type) {
        case "sqlite" -> CollectorConfig.StoreType.SQLITE;
        case "postgres", "postgresql" -> CollectorConfig.StoreType.POSTGRES;
        default -> throw new IllegalArgumentException("store.type: " + type + " (expected: sqlite or postgres)");
      };
      if (storeType == CollectorConfig.StoreType.POSTGRES && !string("store.postgres.url").startsWith("jdbc:postgresql:")) {
        throw new IllegalArgumentException("store.postgres.url: '" + string("store.postgres.url")
            + "' (expected: jdbc:postgresql://host:port/database when store.type is postgres)");
      }
      String privacy = string("agent.privacy_mode").toUpperCase(Locale.ROOT);
      AgentSettings.PrivacyMode mode = switch (privacy) {
        case "HASHED" -> AgentSettings.PrivacyMode.HASHED;
        case "PLAIN" -> AgentSettings.PrivacyMode.PLAIN;
        default -> throw new IllegalArgumentException("agent.privacy_mode: " + privacy + " (expected: hashed or plain)");
      };
      for (String cidr : list("ingest.trusted_proxies")) {
        TrustedProxies.parse(cidr); // fail at start-up, naming the bad entry
      }
      return new CollectorConfig(
          new CollectorConfig.Server(integer("server.port", 0, 65535), list("server.tls_names")),
          dataDir,
          new CollectorConfig.Pki(pkiDir.isEmpty() ? dataDir.resolve("pki") : Path.of(pkiDir),
              Duration.ofDays(number("pki.client_cert_validity_days", 1, 3650)),
              Duration.ofDays(number("pki.renew_before_days", 1, 365))),
          new CollectorConfig.Store(storeType, sqlite.isEmpty() ? dataDir.resolve("telltale.db") : Path.of(sqlite),
              new CollectorConfig.Postgres(string("store.postgres.url"), string("store.postgres.user"),
                  string("store.postgres.password_file"), integer("store.postgres.pool_size", 2, 200))),
          new CollectorConfig.Ingest(integer("ingest.queue_capacity", 16, 1_000_000),
              integer("ingest.max_batch", 1, 10_000), list("ingest.trusted_proxies"),
              integer("ingest.handoff_queue", 16, 1_000_000),
              Duration.ofSeconds(number("ingest.auth_cache_seconds", 0, 3600))),
          new AgentConfigTemplate(integer("agent.report_interval_seconds", 10, 86_400),
              integer("agent.full_inventory_interval_seconds", 60, 30 * 86_400), list("agent.enabled_probes"), mode,
              number("agent.spool_max_bytes", 0, Long.MAX_VALUE), integer("agent.cpu_limit_permille", 0, 1000),
              number("agent.memory_limit_bytes", 0, Long.MAX_VALUE)),
          new CollectorConfig.Retention(Duration.ofDays(number("retention.raw_days", 1, 36_500)),
              Duration.ofMinutes(number("retention.interval_minutes", 1, 1440))),
          new CollectorConfig.Fleet(Duration.ofSeconds(number("fleet.leader_poll_seconds", 1, 300))),
          new CollectorConfig.Admin(adminPassword()),
          detect());
    }

    private String adminPassword() {
      String pw = string("admin.password");
      if (!pw.isEmpty() && pw.length() < 12) {
        throw new IllegalArgumentException("admin.password: " + pw.length() + " characters (expected: at least 12)");
      }
      return pw;
    }

    CollectorConfig.Detect detect() {
      List<Long> asns = new ArrayList<>();
      for (String a : list("detect.company_asns")) {
        try {
          asns.add(Long.parseLong(a.toUpperCase(Locale.ROOT).replace("AS", "")));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("detect.company_asns: '" + a + "' (expected: an AS number such as 64500)");
        }
      }
      return new CollectorConfig.Detect(path("detect.policy_file"), path("detect.catalogue_dir"),
          path("detect.ip_intel_file"), list("detect.company_networks"), asns,
          Duration.ofMinutes(number("detect.sweep_minutes", 1, 1440)), integer("detect.queue", 16, 1_000_000),
          integer("detect.cache_devices", 1, 10_000_000));
    }

    @Nullable Path path(String key) {
      return string(key).isEmpty() ? null : Path.of(string(key));
    }
  }
}
