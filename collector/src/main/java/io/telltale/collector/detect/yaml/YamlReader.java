package io.telltale.collector.detect.yaml;

import static java.util.Objects.requireNonNull;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one YAML document as a node tree that keeps positions, and collects problems instead of stopping
 * at the first. Typical use: {@code root(text)}, read values with the typed getters, call
 * {@link #unknownKeys} on every mapping, then {@link #throwIfProblems()}. Not thread-safe; one per document.
 */
public final class YamlReader {

  private final String source;
  private final List<Problem> problems = new ArrayList<>();

  public YamlReader(String source) {
    this.source = requireNonNull(source, "source");
  }

  public String source() {
    return source;
  }

  /** Parses {@code text}; returns its top-level mapping, or null (with a problem recorded) otherwise. */
  public @Nullable MappingNode root(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(10); // no billion-laughs from an uploaded policy
    options.setCodePointLimit(8 * 1024 * 1024);
    Node node;
    try {
      node = new Yaml(new SafeConstructor(options), new org.yaml.snakeyaml.representer.Representer(
          new org.yaml.snakeyaml.DumperOptions()), new org.yaml.snakeyaml.DumperOptions(), options)
          .compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
      problems.add(new Problem(source, mark == null ? 0 : mark.getLine() + 1,
          mark == null ? 0 : mark.getColumn() + 1, "invalid YAML: " + what));
      return null;
    } catch (RuntimeException e) {
      problems.add(new Problem(source, 0, 0, "invalid YAML: " + e.getMessage()));
      return null;
    }
    if (node == null) {
      problems.add(new Problem(source, 1, 1, "empty document (expected: a mapping)"));
      return null;
    }
    if (!(node instanceof MappingNode m)) {
      error(node, "top level is a %s (expected: a mapping)", kind(node));
      return null;
    }
    return m;
  }

  /** The value under {@code key}, or null when absent. */
  public @Nullable Node get(MappingNode map, String key) {
    for (NodeTuple t : map.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
        return t.getValueNode();
      }
    }
    return null;
  }

  /** Records a problem for every key of {@code map} not in {@code allowed} (typos must not pass silently). */
  public void unknownKeys(MappingNode map, Set<String> allowed) {
    Set<String> seen = new java.util.HashSet<>();
    for (NodeTuple t : map.getValue()) {
      String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "?";
      if (!seen.add(key)) {
        error(t.getKeyNode(), "duplicate key '%s'", key);
      }
      if (!allowed.contains(key)) {
        error(t.getKeyNode(), "unknown key '%s' (expected one of: %s)", key, String.join(", ", new TreeSet<>(allowed)));
      }
    }
  }

  public String string(MappingNode map, String key, String fallback) {
    Node n = get(map, key);
    if (n == null || isNull(n)) {
      return fallback;
    }
    if (n instanceof ScalarNode s) {
      return s.getValue();
    }
    error(n, "%s: a %s (expected: a string)", key, kind(n));
    return fallback;
  }

  /** A required non-empty string; records a problem at the mapping when missing. */
  public String requiredString(MappingNode map, String key) {
    String v = string(map, key, "");
    if (v.isBlank() && get(map, key) == null) {
      error(map, "missing '%s'", key);
    } else if (v.isBlank()) {
      error(requireNonNull(get(map, key)), "%s: empty (expected: a non-empty string)", key);
    }
    return v;
  }

  /** A list of strings; a single scalar counts as a one-element list. */
  public List<String> strings(MappingNode map, String key) {
    Node n = get(map, key);
    List<String> out = new ArrayList<>();
    if (n == null || isNull(n)) {
      return out;
    }
    if (n instanceof ScalarNode s) {
      out.add(s.getValue());
      return out;
    }
    if (n instanceof SequenceNode seq) {
      for (Node item : seq.getValue()) {
        if (item instanceof ScalarNode s) {
          out.add(s.getValue());
        } else {
          error(item, "%s: an item is a %s (expected: a string)", key, kind(item));
        }
      }
      return out;
    }
    error(n, "%s: a %s (expected: a list of strings)", key, kind(n));
    return out;
  }

  /** The mappings of a list under {@code key}; other items are recorded as problems. */
  public List<MappingNode> mappings(MappingNode map, String key) {
    Node n = get(map, key);
    List<MappingNode> out = new ArrayList<>();
    if (n == null || isNull(n)) {
      return out;
    }
    if (!(n instanceof SequenceNode seq)) {
      error(n, "%s: a %s (expected: a list)", key, kind(n));
      return out;
    }
    for (Node item : seq.getValue()) {
      if (item instanceof MappingNode m) {
        out.add(m);
      } else {
        error(item, "%s: an item is a %s (expected: a mapping)", key, kind(item));
      }
    }
    return out;
  }

  public @Nullable MappingNode mapping(MappingNode map, String key) {
    Node n = get(map, key);
    if (n == null || isNull(n)) {
      return null;
    }
    if (n instanceof MappingNode m) {
      return m;
    }
    error(n, "%s: a %s (expected: a mapping)", key, kind(n));
    return null;
  }

  public long integer(MappingNode map, String key, long fallback, long min, long max) {
    Node n = get(map, key);
    if (n == null || isNull(n)) {
      return fallback;
    }
    String text = n instanceof ScalarNode s ? s.getValue().trim() : "";
    try {
      long v = text.toLowerCase(Locale.ROOT).startsWith("0x")
          ? Long.parseLong(text.substring(2), 16) : Long.parseLong(text);
      if (v < min || v > max) {
        error(n, "%s: %s (expected: %s..%s)", key, v, min, max);
        return fallback;
      }
      return v;
    } catch (NumberFormatException e) {
      error(n, "%s: '%s' (expected: an integer)", key, text);
      return fallback;
    }
  }

  public double number(MappingNode map, String key, double fallback, double min, double max) {
    Node n = get(map, key);
    if (n == null || isNull(n)) {
      return fallback;
    }
    String text = n instanceof ScalarNode s ? s.getValue().trim() : "";
    try {
      double v = Double.parseDouble(text);
      if (!(v >= min && v <= max)) {
        error(n, "%s: %s (expected: %s..%s)", key, text, min, max);
        return fallback;
      }
      return v;
    } catch (NumberFormatException e) {
      error(n, "%s: '%s' (expected: a number)", key, text);
      return fallback;
    }
  }

  public boolean bool(MappingNode map, String key, boolean fallback) {
    Node n = get(map, key);
    if (n == null || isNull(n)) {
      return fallback;
    }
    String text = n instanceof ScalarNode s ? s.getValue().trim().toLowerCase(Locale.ROOT) : "";
    return switch (text) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> {
        error(n, "%s: '%s' (expected: true or false)", key, text);
        yield fallback;
      }
    };
  }

  /** 1-based line of a node. */
  public static int line(Node n) {
    return n.getStartMark() == null ? 0 : n.getStartMark().getLine() + 1;
  }

  /** 1-based column of a node. */
  public static int column(Node n) {
    return n.getStartMark() == null ? 0 : n.getStartMark().getColumn() + 1;
  }

  public void error(Node at, String format, Object... args) {
    problems.add(new Problem(source, line(at), column(at), String.format(Locale.ROOT, format, args)));
  }

  public void error(int line, int column, String message) {
    problems.add(new Problem(source, line, column, message));
  }

  public List<Problem> problems() {
    return List.copyOf(problems);
  }

  public void throwIfProblems() throws YamlException {
    if (!problems.isEmpty()) {
      throw new YamlException(problems);
    }
  }

  private static boolean isNull(Node n) {
    return n instanceof ScalarNode s && "tag:yaml.org,2002:null".equals(s.getTag().getValue());
  }

  private static String kind(Node n) {
    return switch (n.getNodeId()) {
      case mapping -> "mapping";
      case sequence -> "list";
      case scalar -> "scalar";
      default -> "value";
    };
  }
}
