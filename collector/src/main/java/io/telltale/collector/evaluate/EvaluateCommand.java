package io.telltale.collector.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.telltale.collector.detect.Verdict;
import io.telltale.collector.internal.Directories;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code evaluate --scenario FILE [--policy FILE] [--expect LABELS.json]}. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = {"Play a scenario through an in-process collector and print each device's verdict as one JSON",
        "object per line: {\"hostname\", \"flagged\", \"score\", \"reasons\", \"cluster\"}.",
        "With --expect (hostname -> \"farm\" | \"benign\"), also print mismatches (stderr) and exit 1 on any."})
public final class EvaluateCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(names = "--scenario", required = true, paramLabel = "FILE", description = "scenario JSON (telltale-scenario/1)")
  Path scenario;

  @Option(names = "--policy", paramLabel = "FILE", description = "policy YAML (default: the built-in policy)")
  @Nullable Path policy;

  @Option(names = "--expect", paramLabel = "LABELS.json", description = "expected labels: {\"hostname\": \"farm\"|\"benign\"}")
  @Nullable Path expect;

  @Option(names = "--labels", description = "check against the scenario's own labels (when it has any)")
  boolean scenarioLabels;

  @Option(names = "--no-detection", hidden = true, description = "measure the replay alone (benchmarking)")
  boolean noDetection;

  @Override
  public Integer call() throws Exception {
    Path work = io.telltale.agent.sim.ScratchDirectory.create("telltale-evaluate-");
    try {
      Evaluation.Result r = new Evaluation(scenario, policy, work, !noDetection).run();
      PrintStream out = System.out;
      for (Evaluation.DeviceResult d : r.devices()) {
        out.println(line(d.hostname(), d.verdict()));
      }
      System.err.printf(Locale.ROOT, "evaluated %d devices, %d reports in %.1f s (simulation %.1f s)%n",
          r.devices().size(), r.simulation().reportsSent(), r.elapsed().toMillis() / 1000.0,
          r.simulation().elapsed().toMillis() / 1000.0);
      Map<String, String> labels = new LinkedHashMap<>();
      if (scenarioLabels) {
        labels.putAll(r.labels());
      }
      if (expect != null) {
        labels.putAll(readLabels(expect));
      }
      if (labels.isEmpty()) {
        return 0;
      }
      int mismatches = 0;
      Map<String, Evaluation.DeviceResult> byHost = new LinkedHashMap<>();
      r.devices().forEach(d -> byHost.put(d.hostname(), d));
      for (Map.Entry<String, String> label : labels.entrySet()) {
        if (!byHost.containsKey(label.getKey())) {
          mismatches++;
          System.err.printf("MISMATCH %s: expected %s, got no verdict (not in the scenario, or it never reported)%n",
              label.getKey(), label.getValue());
        }
      }
      for (Evaluation.DeviceResult d : r.devices()) {
        String want = labels.get(d.hostname());
        if (want == null) {
          continue;
        }
        boolean farm = want.equals("farm");
        if (farm != d.verdict().flagged()) {
          mismatches++;
          System.err.printf("MISMATCH %s: expected %s, got %s (score %d, reasons %s)%n", d.hostname(), want,
              d.verdict().flagged() ? "flagged" : "not flagged", d.verdict().score(), d.verdict().reasons());
        }
      }
      System.err.printf("%d labelled devices, %d mismatches%n", labels.size(), mismatches);
      return mismatches == 0 ? 0 : 1;
    } finally {
      String failed = Directories.deleteQuietly(work);
      if (failed != null) {
        System.err.println("could not remove " + work + ": " + failed);
      }
    }
  }

  static String line(String hostname, Verdict v) {
    ObjectNode o = JSON.createObjectNode();
    o.put("hostname", hostname);
    o.put("flagged", v.flagged());
    o.put("score", v.score());
    v.reasons().forEach(o.putArray("reasons")::add);
    if (v.reasons().isEmpty()) {
      o.putArray("reasons");
    }
    if (v.clusterId() == null) {
      o.putNull("cluster");
    } else {
      o.put("cluster", v.clusterId());
    }
    return o.toString();
  }

  private static Map<String, String> readLabels(Path file) throws java.io.IOException {
    JsonNode root = JSON.readTree(Files.readString(file));
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(file + ": expected a JSON object {\"hostname\": \"farm\"|\"benign\"}");
    }
    Map<String, String> out = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = root.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String v = e.getValue().asText();
      if (!v.equals("farm") && !v.equals("benign")) {
        throw new IllegalArgumentException(file + ": " + e.getKey() + ": '" + v + "' (expected: farm or benign)");
      }
      out.put(e.getKey(), v);
    }
    return out;
  }
}
