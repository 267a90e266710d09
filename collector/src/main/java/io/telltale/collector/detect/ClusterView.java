package io.telltale.collector.detect;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;

/**
 * A device's fleet cluster as detection sees it: devices of different employees linked by shared network
 * or hardware keys. The same view (same id, same counts) is given to every member.
 *
 * @param id deterministic id derived from the members (the same stored links give the same id)
 * @param linkKinds kinds of keys linking members: public_ip, gateway_mac, bssid, edid, kvm_neighbor
 * @param kvmEvidence some member shows KVM hardware evidence
 * @param evidence the links touching this device, for the analyst ("shares BSSID … with HOST-B")
 */
public record ClusterView(
    String id,
    List<String> memberDeviceIds,
    int employees,
    Set<String> linkKinds,
    boolean kvmEvidence,
    int membersWithRemoteTools,
    List<Evidence> evidence) {

  public ClusterView {
    requireNonNull(id, "id");
    memberDeviceIds = List.copyOf(memberDeviceIds);
    linkKinds = Set.copyOf(linkKinds);
    evidence = List.copyOf(evidence);
  }

  public int devices() {
    return memberDeviceIds.size();
  }
}
