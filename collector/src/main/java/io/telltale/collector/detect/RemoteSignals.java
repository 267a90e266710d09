package io.telltale.collector.detect;

import io.telltale.collector.model.SessionFacts;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The {@code remote} group: unsanctioned remote-control families, allowlist applied. */
final class RemoteSignals {

  private RemoteSignals() {}

  static Signals.RemoteSig compute(SignalInput in, List<Evidence> out) {
    Set<String> families = new TreeSet<>();
    Set<String> dprk = new TreeSet<>();
    Set<String> installed = new TreeSet<>();
    Set<String> running = new TreeSet<>();
    Set<String> listening = new TreeSet<>();
    Set<String> approved = new TreeSet<>();
    Set<String> tunnels = new TreeSet<>();
    Set<String> builtin = new TreeSet<>();
    for (EvidenceRecord r : in.withGroup("remote")) {
      Evidence e = r.evidence();
      String family = e.detail("family");
      String category = e.detail("category");
      if (!RemoteToolCategories.remoteControl(category)) {
        tunnels.add(family);
        continue;
      }
      if (e.detail("weak").equals("true")) {
        builtin.add(family);
        continue;
      }
      if (in.approvals().approved(family, in.employee(), in.facts().hostname())) {
        approved.add(family);
        continue;
      }
      families.add(family);
      if (!e.detail("dprk_reporting").isEmpty()) {
        dprk.add(family);
      }
      switch (e.signal()) {
        case "remote.installed" -> installed.add(family);
        case "remote.running" -> running.add(family);
        case "remote.listening" -> listening.add(family);
        default -> { }
      }
      out.add(retag(e, r));
    }
    SessionFacts s = in.facts().sessions();
    boolean sessionNow = s != null && s.sessions().stream()
        .anyMatch(x -> x.kind() != SessionFacts.Kind.CONSOLE && x.kind() != SessionFacts.Kind.SSH);
    int sessionHours = (int) in.hours().stream().filter(h -> h.has(HourBits.REMOTE_SESSION)).count();
    return new Signals.RemoteSig(List.copyOf(families), dprk.size(), installed.size(), running.size(),
        listening.size(), sessionNow, sessionHours, List.copyOf(approved), List.copyOf(tunnels),
        List.copyOf(builtin));
  }

  /** Evidence summaries gain the first/last-seen window so history reads as history. */
  static Evidence retag(Evidence e, EvidenceRecord r) {
    java.util.Map<String, String> d = new java.util.TreeMap<>(e.detail());
    d.put("first_seen", r.firstSeen().toString());
    d.put("last_seen", r.lastSeen().toString());
    return new Evidence(e.signal(), e.key(), e.summary(), d);
  }
}
