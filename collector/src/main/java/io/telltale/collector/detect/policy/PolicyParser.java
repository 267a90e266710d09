package io.telltale.collector.detect.policy;

import io.telltale.collector.detect.Approvals;
import io.telltale.collector.detect.catalogue.NamePattern;
import io.telltale.collector.detect.geo.Cidr;
import io.telltale.collector.detect.yaml.YamlException;
import io.telltale.collector.detect.yaml.YamlReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Parses policy YAML into a {@link Policy}, collecting every structural problem with its line and column.
 * CEL is not compiled here (see {@link PolicyCompiler}). Pure; thread-safe.
 */
public final class PolicyParser {

  private static final Pattern RULE_ID = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*");
  private static final Set<String> TOP = Set.of("name", "description", "flag_threshold", "min_groups", "windows",
      "allowlists", "suppressions", "rules");
  private static final Set<String> RULE_KEYS = Set.of("id", "title", "severity", "weight", "group", "flags_alone",
      "condition", "description", "rationale", "references", "enabled");

  private PolicyParser() {}

  public static Policy parse(String source, String text) throws YamlException {
    YamlReader y = new YamlReader(source);
    MappingNode root = y.root(text);
    if (root == null) {
      y.throwIfProblems();
    }
    y.unknownKeys(root, TOP);
    String name = y.string(root, "name", "unnamed");
    int threshold = (int) y.integer(root, "flag_threshold", 100, 1, 1_000_000);
    int minGroups = (int) y.integer(root, "min_groups", 2, 1, 100);
    Duration lookback = Duration.ofDays(14);
    Duration clusterWindow = Duration.ofDays(7);
    Duration silent = Duration.ofHours(48);
    MappingNode windows = y.mapping(root, "windows");
    if (windows != null) {
      y.unknownKeys(windows, Set.of("lookback_days", "cluster_window_days", "silent_hours"));
      lookback = Duration.ofDays(y.integer(windows, "lookback_days", 14, 1, 365));
      clusterWindow = Duration.ofDays(y.integer(windows, "cluster_window_days", 7, 1, 365));
      silent = Duration.ofHours(y.integer(windows, "silent_hours", 48, 1, 24 * 365));
    }
    List<Approvals.Entry> approvals = new ArrayList<>();
    List<Cidr> cidrs = new ArrayList<>();
    List<Long> asns = new ArrayList<>();
    MappingNode allow = y.mapping(root, "allowlists");
    if (allow != null) {
      y.unknownKeys(allow, Set.of("remote_tools", "networks"));
      for (MappingNode m : y.mappings(allow, "remote_tools")) {
        y.unknownKeys(m, Set.of("family", "groups", "employees", "hostnames", "reason"));
        approvals.add(new Approvals.Entry(NamePattern.of(y.requiredString(m, "family")), y.strings(m, "groups"),
            y.strings(m, "employees"), y.strings(m, "hostnames"), y.string(m, "reason", "")));
      }
      for (MappingNode m : y.mappings(allow, "networks")) {
        y.unknownKeys(m, Set.of("cidr", "asn", "name"));
        String cidr = y.string(m, "cidr", "");
        if (!cidr.isEmpty()) {
          Cidr c = Cidr.parse(cidr);
          if (c == null) {
            y.error(y.get(m, "cidr"), "cidr: '%s' (expected: a CIDR such as 203.0.113.0/24 or 2001:db8:1::/48)",
                cidr);
          } else {
            cidrs.add(c);
          }
        }
        long asn = y.integer(m, "asn", 0, 0, 4_294_967_295L);
        if (asn > 0) {
          asns.add(asn);
        }
        if (cidr.isEmpty() && asn == 0) {
          y.error(m, "a network needs 'cidr' or 'asn'");
        }
      }
    }
    List<Rule> rules = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (MappingNode m : y.mappings(root, "rules")) {
      Rule r = rule(y, m, text);
      if (r == null) {
        continue;
      }
      if (!ids.add(r.id())) {
        y.error(m, "rule %s: duplicate id (expected: unique rule ids)", r.id());
      }
      rules.add(r);
    }
    if (y.get(root, "rules") == null) {
      y.error(root, "missing 'rules' (expected: a list of rules)");
    }
    List<Suppression> suppressions = new ArrayList<>();
    for (MappingNode m : y.mappings(root, "suppressions")) {
      y.unknownKeys(m, Set.of("rule", "hostnames", "employees", "devices", "until", "reason"));
      String until = y.requiredString(m, "until");
      Instant at = Instant.EPOCH;
      try {
        at = Instant.parse(until);
      } catch (DateTimeParseException e) {
        if (!until.isEmpty()) {
          y.error(y.get(m, "until"), "until: '%s' (expected: an RFC 3339 UTC time such as 2025-07-01T00:00:00Z)", until);
        }
      }
      String rule = y.requiredString(m, "rule");
      if (!rule.contains("*") && !rule.isEmpty() && !ids.contains(rule)) {
        y.error(y.get(m, "rule"), "rule: '%s' is not a rule of this policy", rule);
      }
      if (y.string(m, "reason", "").isBlank()) {
        y.error(m, "a suppression needs a 'reason'");
      }
      suppressions.add(new Suppression(NamePattern.of(rule.isEmpty() ? "-" : rule), y.strings(m, "hostnames"),
          y.strings(m, "employees"), y.strings(m, "devices"), at, y.string(m, "reason", ""), YamlReader.line(m)));
    }
    y.throwIfProblems();
    return new Policy(name, threshold, minGroups, lookback, clusterWindow, silent, new Approvals(approvals), cidrs,
        asns, rules, suppressions, text, sha256(text));
  }

  private static Rule rule(YamlReader y, MappingNode m, String text) {
    y.unknownKeys(m, RULE_KEYS);
    String id = y.requiredString(m, "id");
    if (!id.isEmpty() && !RULE_ID.matcher(id).matches()) {
      y.error(y.get(m, "id"), "id: '%s' (expected: lower-case words separated by dots, e.g. kvm.usb_identity)", id);
    }
    if (!y.bool(m, "enabled", true)) {
      return null;
    }
    String severity = y.string(m, "severity", "medium");
    if (!Rule.SEVERITIES.contains(severity)) {
      y.error(y.get(m, "severity"), "rule %s: severity: '%s' (expected one of: critical, high, medium, low, info)",
          id, severity);
    }
    Node cond = y.get(m, "condition");
    String condition = "";
    int line = YamlReader.line(m);
    int col = YamlReader.column(m);
    boolean block = false;
    if (cond == null) {
      y.error(m, "rule %s: missing 'condition' (expected: a CEL expression)", id);
    } else if (!(cond instanceof ScalarNode s)) {
      y.error(cond, "rule %s: condition is not a string (expected: a CEL expression)", id);
    } else {
      condition = s.getValue();
      DumperOptions.ScalarStyle style = s.getScalarStyle();
      block = style == DumperOptions.ScalarStyle.LITERAL || style == DumperOptions.ScalarStyle.FOLDED;
      line = YamlReader.line(cond);
      col = YamlReader.column(cond);
      if (block) {
        // The text starts on the line after the "|" indicator, at that line's indentation.
        String[] lines = text.split("\n", -1);
        int first = line; // 0-based index of the next line
        while (first < lines.length && lines[first].isBlank()) {
          first++;
        }
        line = first + 1;
        col = first < lines.length ? lines[first].length() - lines[first].stripLeading().length() + 1 : 1;
      } else if (style == DumperOptions.ScalarStyle.DOUBLE_QUOTED || style == DumperOptions.ScalarStyle.SINGLE_QUOTED) {
        col += 1;
      }
      if (condition.isBlank()) {
        y.error(cond, "rule %s: empty condition (expected: a CEL expression)", id);
      }
    }
    return new Rule(id, y.string(m, "title", id), severity, (int) y.integer(m, "weight", 0, 0, 1000),
        y.string(m, "group", id), y.bool(m, "flags_alone", false), condition, y.string(m, "description", ""),
        y.string(m, "rationale", ""), y.strings(m, "references"), YamlReader.line(m), line, col, block);
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
