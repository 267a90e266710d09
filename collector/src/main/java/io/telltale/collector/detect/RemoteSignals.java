package io.telltale.collector.detect;

import io.telltale.collector.model.SessionFacts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@code remote} group: unsanctioned remote-control families and remote-session use, allowlist applied.
 * Sessions through a family approved for the device's employee or hostname are not remote-session use; they
 * stay visible as evidence marked approved. Sessions through built-in OS features (Quick Assist, Apple Screen
 * Sharing) count unless approved: the feature being there says nothing, hours of someone driving through it do.
 */
final class RemoteSignals {

  private RemoteSignals() {}

  static Signals.RemoteSig compute(SignalInput in, EvidenceExtractor current, List<Evidence> out) {
    Allowlist allowlist = new Allowlist(in);
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
      Optional<Approvals.Entry> approval = allowlist.approval(family);
      boolean session = e.signal().equals("remote.session");
      if (e.detail("weak").equals("true")) {
        builtin.add(family);
        if (session) {
          out.add(marked(retag(e, r), approval));
        }
        continue;
      }
      if (approval.isPresent()) {
        approved.add(family);
        if (session) {
          out.add(marked(retag(e, r), approval));
        }
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
    Set<String> openNow = s == null ? Set.of() : current.sessionFamilies(s);
    boolean sessionNow = !openNow.isEmpty() && allowlist.counts(openNow);
    int sessionHours = (int) in.hours().stream()
        .filter(h -> h.has(HourBits.REMOTE_SESSION) && allowlist.counts(h.sessionFamilies())).count();
    return new Signals.RemoteSig(List.copyOf(families), dprk.size(), installed.size(), running.size(),
        listening.size(), sessionNow, sessionHours, List.copyOf(approved), List.copyOf(tunnels),
        List.copyOf(builtin));
  }

  /** Evidence summaries gain the first/last-seen window so history reads as history. */
  static Evidence retag(Evidence e, EvidenceRecord r) {
    Map<String, String> d = new TreeMap<>(e.detail());
    d.put("first_seen", r.firstSeen().toString());
    d.put("last_seen", r.lastSeen().toString());
    return new Evidence(e.signal(), e.key(), e.summary(), d);
  }

  /** Evidence of an approved family says so, with the approval's reason, in its summary and detail. */
  static Evidence marked(Evidence e, Optional<Approvals.Entry> approval) {
    if (approval.isEmpty()) {
      return e;
    }
    String reason = approval.get().reason();
    Map<String, String> d = new TreeMap<>(e.detail());
    d.put("approved", "true");
    d.put("approval", reason);
    return new Evidence(e.signal(), e.key(), e.summary() + " (approved" + (reason.isEmpty() ? "" : ": " + reason)
        + ")", d);
  }

  /** The allowlist as it applies to one device (its employee and hostname), answered once per family. */
  private static final class Allowlist {
    private final SignalInput in;
    private final Map<String, Optional<Approvals.Entry>> byFamily = new HashMap<>();

    Allowlist(SignalInput in) {
      this.in = in;
    }

    Optional<Approvals.Entry> approval(String family) {
      return byFamily.computeIfAbsent(family,
          f -> in.approvals().approval(f, in.employee(), in.facts().hostname()));
    }

    /**
     * Whether remote sessions of these families are remote-session use: some family is not approved, or the
     * families are unknown (an hour recorded before session families were).
     */
    boolean counts(Set<String> sessionFamilies) {
      return sessionFamilies.isEmpty() || sessionFamilies.stream().anyMatch(f -> approval(f).isEmpty());
    }
  }
}
