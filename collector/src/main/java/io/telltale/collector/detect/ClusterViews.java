package io.telltale.collector.detect;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Builds the {@link ClusterView} a member sees from a correlation component, in two steps: what is the same
 * for every member ({@link #summarize}: employees, link kinds, KVM and remote-tool members, the member list),
 * computed once per component and evaluation round, and the links touching one member ({@link #of}). Built
 * per member, the common part walked every link of every member for each of them; for a 40-laptop farm that
 * was most of detection's time in the ingest benchmark.
 */
final class ClusterViews {

  private ClusterViews() {}

  /** What every member of one component sees alike. */
  record Summary(Correlator.Component component, int employees, Set<String> linkKinds, boolean kvmEvidence,
      int membersWithRemoteTools, Evidence members) {}

  static Summary summarize(Correlator.Component c, Function<String, List<EvidenceRecord>> evidenceOf,
      Function<String, String> personOf, Function<String, String> hostname) {
    Set<String> people = new HashSet<>();
    Set<String> kinds = new HashSet<>();
    boolean kvm = false;
    int remote = 0;
    for (String member : c.members()) {
      people.add(personOf.apply(member));
      for (Link l : c.links().get(member)) {
        kinds.add(l.key().kind());
      }
      List<EvidenceRecord> ev = evidenceOf.apply(member);
      kvm |= ev.stream().anyMatch(r -> KvmSignals.HARDWARE.contains(r.evidence().signal())
          && !r.evidence().signal().equals("kvm.abs_pointer"));
      boolean tools = ev.stream().anyMatch(r -> r.evidence().group().equals("remote")
          && RemoteToolCategories.remoteControl(r.evidence().detail("category"))
          && !r.evidence().detail("weak").equals("true"));
      remote += tools ? 1 : 0;
    }
    Set<String> sortedKinds = new TreeSet<>(kinds);
    Evidence members = Evidence.of("cluster.employees", "members", c.members().size() + " devices of "
        + people.size() + " employees linked by " + sortedKinds + ": "
        + c.members().stream().map(hostname).sorted().toList());
    return new Summary(c, people.size(), sortedKinds, kvm, remote, members);
  }

  /** Names listed in one link evidence's summary; the detail lists every one. */
  static final int NAMED_IN_SUMMARY = 12;

  /**
   * The view {@code deviceId} gets: one evidence item per key it shares (a gateway MAC, a BSSID, an EDID
   * serial...) naming the other devices that share it, then the member list. One item per link instead would
   * give a member of a 40-laptop farm 400-odd near-identical lines, in every verdict stored.
   */
  static ClusterView of(Summary s, String deviceId, Function<String, String> personOf,
      Function<String, String> hostname) {
    Correlator.Component c = s.component();
    Map<NetworkKey, List<String>> byKey = new LinkedHashMap<>();
    for (Link l : c.links().get(deviceId)) {
      byKey.computeIfAbsent(l.key(), k -> new ArrayList<>()).add(l.other(deviceId));
    }
    List<Evidence> evidence = new ArrayList<>();
    byKey.forEach((key, others) -> evidence.add(shared(key, others, personOf, hostname)));
    evidence.add(s.members());
    return new ClusterView(c.id(), c.members(), s.employees(), s.linkKinds(), s.kvmEvidence(),
        s.membersWithRemoteTools(), evidence);
  }

  private static Evidence shared(NetworkKey key, List<String> others, Function<String, String> personOf,
      Function<String, String> hostname) {
    List<String> devices = others.stream().distinct().sorted(java.util.Comparator.comparing(hostname)).toList();
    List<String> hosts = devices.stream().map(hostname).toList();
    List<String> people = devices.stream().map(personOf).toList();
    StringBuilder named = new StringBuilder();
    for (int i = 0; i < Math.min(devices.size(), NAMED_IN_SUMMARY); i++) {
      named.append(i == 0 ? "" : ", ").append(hosts.get(i)).append(" (").append(people.get(i)).append(')');
    }
    if (devices.size() > NAMED_IN_SUMMARY) {
      named.append(" and ").append(devices.size() - NAMED_IN_SUMMARY).append(" more");
    }
    boolean hardware = key.kind().equals(NetworkKey.EDID) || key.kind().equals(NetworkKey.KVM_NEIGHBOR);
    return Evidence.of("cluster." + (hardware ? "hardware_link" : "lan_link"), key.kind() + "|" + key.value(),
        "shares " + key.label() + " with " + named,
        "kind", key.kind(), "value", key.value(), "devices", Integer.toString(devices.size()),
        "other_devices", String.join(",", devices), "other_hostnames", String.join(",", hosts),
        "other_employees", String.join(",", people));
  }
}
