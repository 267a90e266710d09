package io.telltale.agent.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code agent.yml} once into an {@link AgentConfig}. Every key can be overridden from the environment:
 * {@code collector.address} becomes {@code TELLTALE_COLLECTOR_ADDRESS}. An unknown key or a value of the
 * wrong type stops startup with a message naming the key; an out-of-range tunable is clamped with one WARN.
 * This class, and only this class, reads the configuration file, environment variables and system
 * properties of the agent.
 */
public final class AgentConfigLoader {

  private static final Logger logger = LoggerFactory.getLogger(AgentConfigLoader.class);

  /** Every key of agent.yml (see packaging/agent.yml for their meaning and defaults). */
  static final Set<String> KEYS = Set.of(
      "collector.address",
      "state_dir",
      "report.interval_seconds",
      "report.full_inventory_interval_seconds",
      "spool.max_bytes",
      "limits.cpu_permille",
      "limits.memory_bytes",
      "probes.enabled");

  private final Map<String, String> env;
  private final String osName;

  public AgentConfigLoader(Map<String, String> env, String osName) {
    this.env = Map.copyOf(env);
    this.osName = osName;
  }

  /** A loader over this process's environment and OS. */
  public static AgentConfigLoader fromSystem() {
    return new AgentConfigLoader(System.getenv(), System.getProperty("os.name", ""));
  }

  /** Loads {@code file} (may be null: defaults plus environment only). */
  public AgentConfig load(@Nullable Path file) {
    Map<String, String> values = new LinkedHashMap<>();
    if (file != null) {
      values.putAll(readYaml(file));
    }
    for (String key : KEYS) {
      String v = env.get(envName(key));
      if (v != null) {
        values.put(key, v);
      }
    }
    String where = file == null ? "environment" : file.toString();
    String address = values.getOrDefault("collector.address", "");
    Path stateDir = Path.of(values.getOrDefault("state_dir", defaultStateDir().toString()));
    return new AgentConfig(
        address,
        stateDir,
        Duration.ofSeconds(clamp(where, values, "report.interval_seconds", 300, 10, 86_400)),
        Duration.ofSeconds(clamp(where, values, "report.full_inventory_interval_seconds", 86_400, 300, 30L * 86_400)),
        clamp(where, values, "spool.max_bytes", AgentConfig.DEFAULT_SPOOL_MAX_BYTES, 256L * 1024, 16L << 30),
        (int) clamp(where, values, "limits.cpu_permille", AgentConfig.DEFAULT_CPU_LIMIT_PERMILLE, 5, 1000),
        clamp(where, values, "limits.memory_bytes", AgentConfig.DEFAULT_MEMORY_LIMIT_BYTES, 32L << 20, 4L << 30),
        list(values.get("probes.enabled")));
  }

  /** The per-OS default state directory; {@code TELLTALE_STATE_DIR} overrides it. */
  public Path defaultStateDir() {
    String override = env.get("TELLTALE_STATE_DIR");
    if (override != null && !override.isBlank()) {
      return Path.of(override);
    }
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.startsWith("windows")) {
      String programData = env.getOrDefault("ProgramData", "C:\\ProgramData");
      return Path.of(programData, "Telltale");
    }
    if (os.startsWith("mac")) {
      return Path.of("/Library/Application Support/Telltale");
    }
    return Path.of("/var/lib/telltale");
  }

  static String envName(String key) {
    return "TELLTALE_" + key.replace('.', '_').toUpperCase(Locale.ROOT);
  }

  private static Map<String, String> readYaml(Path file) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot be read as YAML (" + e.getMessage() + ")", e);
    }
    Map<String, String> out = new LinkedHashMap<>();
    if (root != null && !root.isMissingNode() && !root.isNull()) {
      if (!root.isObject()) {
        throw new IllegalArgumentException(file + ": top level is " + root.getNodeType() + " (expected: a mapping)");
      }
      flatten(file, "", root, out);
    }
    return out;
  }

  private static void flatten(Path file, String prefix, JsonNode node, Map<String, String> out) {
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = prefix + e.getKey();
      JsonNode v = e.getValue();
      if (v.isObject() && !KEYS.contains(key)) {
        flatten(file, key + ".", v, out);
      } else if (!KEYS.contains(key)) {
        throw new IllegalArgumentException(file + ": unknown key " + key + " (expected one of: "
            + String.join(", ", KEYS.stream().sorted().toList()) + ")");
      } else if (v.isArray()) {
        List<String> items = new ArrayList<>();
        v.forEach(x -> items.add(x.asText()));
        out.put(key, String.join(",", items));
      } else if (v.isValueNode()) {
        out.put(key, v.isNull() ? "" : v.asText());
      } else {
        throw new IllegalArgumentException(file + ": " + key + ": " + v.getNodeType() + " (expected: a value)");
      }
    }
  }

  private static long clamp(String where, Map<String, String> values, String key, long dflt, long min, long max) {
    String raw = values.get(key);
    if (raw == null || raw.isBlank()) {
      return dflt;
    }
    long v;
    try {
      v = Long.parseLong(raw.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(where + ": " + key + ": " + raw + " (expected: a whole number)", e);
    }
    if (v < min || v > max) {
      long clamped = Math.max(min, Math.min(max, v));
      logger.warn("{}: {}: {} (expected: {}..{}); using {}", where, key, v, min, max, clamped);
      return clamped;
    }
    return v;
  }

  private static List<String> list(@Nullable String raw) {
    if (raw == null || raw.isBlank()) {
      return List.of();
    }
    return Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
