package io.telltale.collector.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** Builds the {@link ClusterView} a member sees from a correlation component. */
final class ClusterViews {

  private ClusterViews() {}

  static ClusterView of(Correlator.Component c, String deviceId, Function<String, List<EvidenceRecord>> evidenceOf,
      Function<String, String> personOf, Function<String, String> hostname) {
    Set<String> people = new TreeSet<>();
    Set<String> kinds = new TreeSet<>();
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
    evidence.add(Evidence.of("cluster.employees", "members", c.members().size() + " devices of " + people.size()
        + " employees linked by " + kinds + ": " + c.members().stream().map(hostname).sorted().toList()));
    return new ClusterView(c.id(), c.members(), people.size(), kinds, kvm, remote, evidence);
  }
}
