package io.telltale.agent.probe.macos;

import io.telltale.agent.probe.common.Parse;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Parser of {@code ioreg -l -w0} text: one {@link Node} per {@code +-o Name@location  <class X, ...>} line,
 * with its {@code "key" = value} properties (values kept as printed). Nesting is kept as a depth so callers
 * can find a node's ancestors. Pure.
 */
final class Ioreg {

  /** One registry entry. */
  record Node(String name, String location, String className, int depth, Map<String, String> props) {

    @Nullable String string(String key) {
      String v = props.get(key);
      if (v == null) {
        return null;
      }
      return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    long number(String key, long fallback) {
      String v = props.get(key);
      if (v != null && v.startsWith("0x")) {
        return Parse.hexToLong(v, fallback);
      }
      return Parse.toLong(v, fallback);
    }

    /** {@code <0a1b...>} data, or empty. */
    byte[] data(String key) {
      String v = props.get(key);
      if (v == null || !v.startsWith("<") || !v.endsWith(">") || v.startsWith("<\"")) {
        return new byte[0];
      }
      try {
        return HexFormat.of().parseHex(v.substring(1, v.length() - 1));
      } catch (IllegalArgumentException e) {
        return new byte[0];
      }
    }

    boolean yes(String key) {
      return "Yes".equals(props.get(key));
    }
  }

  private Ioreg() {}

  static List<Node> parse(String text) {
    List<Node> out = new ArrayList<>();
    Map<String, String> props = null;
    for (String raw : text.split("\n")) {
      int i = 0;
      while (i < raw.length() && (raw.charAt(i) == ' ' || raw.charAt(i) == '|')) {
        i++;
      }
      String line = raw.substring(i);
      if (line.startsWith("+-o ")) {
        int cls = line.indexOf("<class ");
        String head = (cls < 0 ? line.substring(4) : line.substring(4, cls)).trim();
        String className = "";
        if (cls >= 0) {
          int end = line.indexOf(',', cls);
          className = line.substring(cls + 7, end < 0 ? line.length() - 1 : end).trim();
        }
        int at = head.lastIndexOf('@');
        props = new LinkedHashMap<>();
        out.add(new Node(at < 0 ? head : head.substring(0, at), at < 0 ? "" : head.substring(at + 1), className,
            i / 2, props));
      } else if (props != null && line.startsWith("\"")) {
        int eq = line.indexOf("\" = ");
        if (eq > 0) {
          props.put(line.substring(1, eq), line.substring(eq + 4).trim());
        }
      }
    }
    return out;
  }
}
