package io.telltale.collector.detect.catalogue;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A software jiggler or keep-awake tool. {@code kind}: jiggler, keep-awake, kvm-jiggler or built-in. */
public record JigglerSignature(
    String tool, String kind, List<NamePattern> processes, List<NamePattern> bundleIds, List<NamePattern> apps,
    String origin) {

  public JigglerSignature {
    requireNonNull(tool, "tool");
    requireNonNull(kind, "kind");
    processes = List.copyOf(processes);
    bundleIds = List.copyOf(bundleIds);
    apps = List.copyOf(apps);
    requireNonNull(origin, "origin");
  }
}
