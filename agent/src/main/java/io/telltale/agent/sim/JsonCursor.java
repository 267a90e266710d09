package io.telltale.agent.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A JSON node with its path ({@code $.devices[3].usb[0]}) for validation messages of the form
 * {@code file: path: value (expected: ...)}. Every getter checks type and range and throws
 * {@link ScenarioException} naming the exact path.
 */
final class JsonCursor {

  private final String file;
  private final String path;
  private final JsonNode node;

  JsonCursor(String file, String path, JsonNode node) {
    this.file = file;
    this.path = path;
    this.node = node;
  }

  String path() {
    return path;
  }

  ScenarioException error(String expected) {
    return new ScenarioException(file + ": " + path + ": " + show(node) + " (expected: " + expected + ")");
  }

  ScenarioException errorAt(String subPath, String message) {
    return new ScenarioException(file + ": " + path + subPath + ": " + message);
  }

  private static String show(JsonNode n) {
    String s = n.isMissingNode() ? "missing" : n.toString();
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }

  /** Checks this is an object with all {@code required} keys and no key outside required + optional. */
  JsonCursor object(Set<String> required, Set<String> optional) {
    if (!node.isObject()) {
      throw error("an object");
    }
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String k = names.next();
      if (!required.contains(k) && !optional.contains(k)) {
        Set<String> known = new TreeSet<>(required);
        known.addAll(optional);
        throw new ScenarioException(file + ": " + path + "." + k + ": unknown key (expected one of: "
            + String.join(", ", known) + ")");
      }
    }
    for (String k : new TreeSet<>(required)) {
      if (!node.has(k)) {
        throw new ScenarioException(file + ": " + path + "." + k + ": missing (expected: required key)");
      }
    }
    return this;
  }

  boolean has(String key) {
    return node.has(key);
  }

  boolean isNull(String key) {
    return node.has(key) && node.get(key).isNull();
  }

  JsonCursor get(String key) {
    JsonNode child = node.get(key);
    return new JsonCursor(file, path + "." + key, child == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : child);
  }

  String string(String key) {
    JsonCursor c = get(key);
    if (!c.node.isTextual()) {
      throw c.error("a string");
    }
    return c.node.asText();
  }

  String string(String key, String dflt) {
    return has(key) ? string(key) : dflt;
  }

  String matching(String key, Pattern pattern, String expected) {
    String v = string(key);
    if (!pattern.matcher(v).matches()) {
      throw get(key).error(expected);
    }
    return v;
  }

  String oneOf(String key, Set<String> values) {
    String v = has(key) && get(key).node.isTextual() ? get(key).node.asText() : null;
    if (v == null || !values.contains(v)) {
      throw get(key).error("one of " + String.join(", ", new TreeSet<>(values)));
    }
    return v;
  }

  boolean bool(String key) {
    JsonCursor c = get(key);
    if (!c.node.isBoolean()) {
      throw c.error("true or false");
    }
    return c.node.asBoolean();
  }

  @Nullable Boolean nullableBool(String key) {
    return isNull(key) ? null : bool(key);
  }

  double number(String key, double min, double max) {
    JsonCursor c = get(key);
    if (!c.node.isNumber() || c.node.asDouble() < min || c.node.asDouble() > max) {
      throw c.error(max == Double.MAX_VALUE ? "a number >= " + fmt(min) : "a number " + fmt(min) + ".." + fmt(max));
    }
    return c.node.asDouble();
  }

  /** A number strictly greater than {@code exclusiveMin}, or null. */
  @Nullable Double nullablePositive(String key) {
    if (isNull(key)) {
      return null;
    }
    JsonCursor c = get(key);
    if (!c.node.isNumber() || c.node.asDouble() <= 0) {
      throw c.error("null or a number > 0");
    }
    return c.node.asDouble();
  }

  long integer(String key, long min, long max) {
    JsonCursor c = get(key);
    boolean integral = c.node.isIntegralNumber() || (c.node.isNumber() && c.node.asDouble() == Math.rint(c.node.asDouble()));
    if (!integral || c.node.asLong() < min || c.node.asLong() > max) {
      throw c.error("a whole number " + min + ".." + max);
    }
    return c.node.asLong();
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  List<JsonCursor> array(String key) {
    JsonCursor c = get(key);
    if (!c.node.isArray()) {
      throw c.error("an array");
    }
    List<JsonCursor> out = new ArrayList<>();
    for (int i = 0; i < c.node.size(); i++) {
      out.add(new JsonCursor(file, c.path + "[" + i + "]", c.node.get(i)));
    }
    return out;
  }

  List<String> strings(String key) {
    List<String> out = new ArrayList<>();
    for (JsonCursor c : array(key)) {
      if (!c.node.isTextual()) {
        throw c.error("a string");
      }
      out.add(c.node.asText());
    }
    return out;
  }

  /** This node's text, checked against a pattern (for array items). */
  String text(Pattern pattern, String expected) {
    if (!node.isTextual() || !pattern.matcher(node.asText()).matches()) {
      throw error(expected);
    }
    return node.asText();
  }

  /** Object members in file order, each with its path ({@code $.networks.home}). */
  Map<String, JsonCursor> members(String key) {
    JsonCursor c = get(key);
    if (!c.node.isObject()) {
      throw c.error("an object");
    }
    Map<String, JsonCursor> out = new LinkedHashMap<>();
    c.node.fields().forEachRemaining(e ->
        out.put(e.getKey(), new JsonCursor(file, c.path + "." + e.getKey(), e.getValue())));
    return out;
  }
}
