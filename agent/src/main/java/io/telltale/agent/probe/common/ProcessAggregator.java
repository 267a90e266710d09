package io.telltale.agent.probe.common;

import io.telltale.agent.probe.SoftwareFacts.RunningProcess;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Folds per-PID entries into one entry per distinct executable (name + path) with an instance count. */
public final class ProcessAggregator {

  private final Map<String, RunningProcess> byKey = new LinkedHashMap<>();

  /** Adds one process. */
  public void add(String name, String path) {
    add(new RunningProcess(name, path, "", "", "", 1));
  }

  /** Adds one process with its signer, bundle id and original file name. */
  public void add(RunningProcess p) {
    byKey.merge(p.name() + "\0" + p.path(), p, (a, b) -> new RunningProcess(a.name(), a.path(),
        a.signer().isEmpty() ? b.signer() : a.signer(), a.bundleId().isEmpty() ? b.bundleId() : a.bundleId(),
        a.originalFileName().isEmpty() ? b.originalFileName() : a.originalFileName(),
        a.instances() + b.instances()));
  }

  /** One entry per executable, sorted by name then path. */
  public List<RunningProcess> toList() {
    List<RunningProcess> out = new ArrayList<>(byKey.values());
    out.sort(Comparator.comparing(RunningProcess::name).thenComparing(RunningProcess::path));
    return out;
  }
}
