package io.telltale.collector.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.telltale.collector.internal.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the detection engine in review tests (the engine is another package's job and is tested
 * there): verdicts set by the test, and policies that must be a YAML mapping with a {@code rules} list,
 * problems located by the YAML parser's line and column.
 */
public final class FakeDetection implements DetectionView, PolicyEngine {

  private final Map<String, DeviceVerdict> verdicts = new ConcurrentHashMap<>();
  private final Map<String, List<DeviceVerdict>> history = new ConcurrentHashMap<>();
  private final List<Version> versions = new CopyOnWriteArrayList<>();
  private final Clock clock;

  public FakeDetection(Clock clock) {
    this.clock = clock;
    versions.add(new Version("v000000000001", "name: default\nthreshold: 6\nrules:\n  - id: kvm\n    when: kvm\n",
        "default", clock.now()));
  }

  public ReviewServices.Detection binding() {
    return new ReviewServices.Detection(this, this);
  }

  public void put(DeviceVerdict v) {
    verdicts.put(v.deviceId(), v);
    history.computeIfAbsent(v.deviceId(), k -> new CopyOnWriteArrayList<>()).add(v);
  }

  @Override
  public Map<String, DeviceVerdict> verdicts() {
    return Map.copyOf(verdicts);
  }

  @Override
  public List<DeviceVerdict> history(String deviceId) {
    return List.copyOf(history.getOrDefault(deviceId, List.of()));
  }

  @Override
  public Version current() {
    return versions.get(versions.size() - 1);
  }

  @Override
  public List<Version> history() {
    List<Version> out = new ArrayList<>(versions);
    java.util.Collections.reverse(out);
    return out;
  }

  @Override
  public List<Problem> validate(String text) {
    try {
      var root = new ObjectMapper(new YAMLFactory()).readTree(text);
      if (root == null || !root.isObject()) {
        return List.of(new Problem(1, 1, "", "top level is not a mapping (expected: name, threshold, rules)"));
      }
      if (!root.path("rules").isArray()) {
        return List.of(new Problem(1, 1, "rules", "missing (expected: a list of rules)"));
      }
      return List.of();
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      return List.of(new Problem(loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr(), "",
          e.getOriginalMessage().lines().findFirst().orElse("syntax error")));
    }
  }

  @Override
  public List<VerdictChange> dryRun(String text) {
    List<Problem> problems = validate(text);
    if (!problems.isEmpty()) {
      throw new ReviewException(ReviewException.Kind.INVALID_ARGUMENT, "policy: invalid", problems);
    }
    return verdicts.values().stream().filter(DeviceVerdict::flagged)
        .map(v -> new VerdictChange(v.deviceId(), v.deviceId(), v.level(), v.score(), "clean", 0, List.of())).toList();
  }

  @Override
  public Version apply(String text, String source) {
    List<Problem> problems = validate(text);
    if (!problems.isEmpty()) {
      throw new ReviewException(ReviewException.Kind.INVALID_ARGUMENT, "policy: invalid", problems);
    }
    Version v = new Version(String.format("v%012d", versions.size() + 1), text, source, clock.now());
    versions.add(v);
    return v;
  }
}
