package io.telltale.agent.probe.windows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.telltale.agent.probe.ProbeException;
import io.telltale.agent.probe.common.Command;
import java.io.IOException;
import java.time.Duration;

/** Runs a PowerShell pipeline ending in {@code ConvertTo-Json} and reads its output. */
final class PowerShell {

  // PowerShell starts slowly (0.5-2 s cold); CIM queries on a busy laptop can take a few more seconds.
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();

  private PowerShell() {}

  /** Runs {@code script}; its output must be JSON. */
  static String run(String script) throws ProbeException {
    return Command.run(TIMEOUT, "powershell.exe", "-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass",
        "-Command", "[Console]::OutputEncoding=[Text.Encoding]::UTF8; " + script);
  }

  /**
   * Parses ConvertTo-Json output as an array: PowerShell prints a single object without brackets and nothing
   * at all for an empty pipeline.
   */
  static ArrayNode array(String json) throws ProbeException {
    if (json.isBlank()) {
      return JSON.createArrayNode();
    }
    try {
      JsonNode n = JSON.readTree(json.strip().replace("\uFEFF", ""));
      if (n.isArray()) {
        return (ArrayNode) n;
      }
      ArrayNode a = JSON.createArrayNode();
      a.add(n);
      return a;
    } catch (IOException e) {
      throw new ProbeException("unreadable PowerShell JSON", e);
    }
  }

  /** A text field, "" when absent or null. */
  static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? "" : v.asText("");
  }
}
