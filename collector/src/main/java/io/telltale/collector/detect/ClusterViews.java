package io.telltale.collector.detect;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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

  static ClusterView of(Summary s, String deviceId, Function<String, String> personOf,
      Function<String, String> hostname) {
    Correlator.Component c = s.component();
    List<Evidence> evidence = new ArrayList<>();
    for (Link l : c.links().get(deviceId)) {
      String other = l.other(deviceId);
      evidence.add(Evidence.of("cluster." + (l.key().kind().equals(NetworkKey.EDID)
              || l.key().kind().equals(NetworkKey.KVM_NEIGHBOR) ? "hardware_link" : "lan_link"),
          l.key().kind() + "|" + l.key().value() + "|" + other,
          "shares " + l.key().label() + " with " + hostname.apply(other) + " (" + personOf.apply(other) + ")",
          "kind", l.key().kind(), "value", l.key().value(), "other_device", other,
          "other_hostname", hostname.apply(other), "other_employee", personOf.apply(other)));
    }
    evidence.add(s.members());
    return new ClusterView(c.id(), c.members(), s.employees(), s.linkKinds(), s.kvmEvidence(),
        s.membersWithRemoteTools(), evidence);
  }
}
