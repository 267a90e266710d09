package io.telltale.collector.detect;

import io.telltale.collector.detect.catalogue.Catalogue;
import io.telltale.collector.detect.catalogue.NameIndex;
import io.telltale.collector.detect.catalogue.NamePattern;
import io.telltale.collector.detect.catalogue.RemoteToolFamily;
import io.telltale.collector.model.SessionFacts;
import io.telltale.collector.model.SoftwareFacts;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Remote-access tools on a laptop: installed (app, service, launchd job, unit), running (process, by
 * name, bundle id, signer or PE original name, so renamed binaries still match), listening, and open
 * remote sessions. Pure; thread-safe.
 */
final class RemoteAccessEvidence {

  private final Catalogue catalogue;
  private final List<RemoteToolFamily> families;
  private final NameIndex processes;
  private final NameIndex bundleIds;
  private final NameIndex signers;
  private final NameIndex services;
  private final NameIndex apps;
  /** "7070/tcp" -> the families listening there. */
  private final Map<String, BitSet> ports = new HashMap<>();

  RemoteAccessEvidence(Catalogue catalogue) {
    this.catalogue = catalogue;
    this.families = catalogue.remoteTools();
    this.processes = NameIndex.of(families, RemoteToolFamily::processes);
    this.bundleIds = NameIndex.of(families, RemoteToolFamily::bundleIds);
    this.signers = NameIndex.of(families, RemoteToolFamily::signers);
    this.services = NameIndex.of(families, RemoteToolFamily::services);
    this.apps = NameIndex.of(families, RemoteToolFamily::apps);
    for (int i = 0; i < families.size(); i++) {
      for (String port : families.get(i).listenPorts()) {
        ports.computeIfAbsent(port, k -> new BitSet()).set(i);
      }
    }
  }

  void software(SoftwareFacts sw, List<Evidence> out) {
    for (SoftwareFacts.RunningProcess p : sw.processes()) {
      BitSet byName = processes.matching(basename(p.name()));
      processes.addMatching(basename(p.path()), byName);
      BitSet byOriginal = processes.matching(p.originalFileName());
      BitSet byBundle = bundleIds.matching(p.bundleId());
      BitSet bySigner = signers.matching(p.signer());
      BitSet any = union(byName, byOriginal, byBundle, bySigner);
      for (int i = any.nextSetBit(0); i >= 0; i = any.nextSetBit(i + 1)) {
        RemoteToolFamily f = families.get(i);
        String how = byName.get(i) ? p.name()
            : byOriginal.get(i) ? p.name() + ", original name " + p.originalFileName()
            : byBundle.get(i) ? p.name() + ", bundle " + p.bundleId()
            : p.name() + ", signed by " + p.signer();
        out.add(ev(f, "remote.running", "process|" + lower(p.name()),
            f.family() + " running (" + how + ")", "process", p.name(), "path", p.path(), "signer", p.signer()));
      }
    }
    for (SoftwareFacts.ServiceEntry s : sw.services()) {
      BitSet hits = services.matching(unitName(s.name()));
      services.addMatching(s.name(), hits);
      services.addMatching(s.displayName(), hits);
      for (int i = hits.nextSetBit(0); i >= 0; i = hits.nextSetBit(i + 1)) {
        RemoteToolFamily f = families.get(i);
        String sig = s.running() ? "remote.running" : "remote.installed";
        out.add(ev(f, sig, "service|" + lower(s.name()),
            f.family() + " service " + s.name() + (s.running() ? " running" : " enabled"),
            "service", s.name(), "running", Boolean.toString(s.running())));
      }
    }
    for (SoftwareFacts.InstalledApp a : sw.installedApps()) {
      BitSet hits = apps.matchingProduct(a.name());
      bundleIds.addMatching(a.bundleId(), hits);
      for (int i = hits.nextSetBit(0); i >= 0; i = hits.nextSetBit(i + 1)) {
        RemoteToolFamily f = families.get(i);
        out.add(ev(f, "remote.installed", "app|" + lower(a.name()),
            f.family() + " installed (" + a.name() + (a.version().isEmpty() ? "" : " " + a.version()) + ")",
            "app", a.name(), "version", a.version(), "bundle_id", a.bundleId()));
      }
    }
    for (SoftwareFacts.ListeningSocket l : sw.listeners()) {
      String port = l.port() + "/" + l.protocol().name().toLowerCase(Locale.ROOT);
      BitSet byProcess = l.process().isEmpty() ? new BitSet() : processes.matching(basename(l.process()));
      BitSet candidates = union(byProcess, ports.getOrDefault(port, new BitSet()));
      for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
        RemoteToolFamily f = families.get(i);
        boolean byPort = f.listenPorts().contains(port) && (l.process().isEmpty() || byProcess.get(i));
        if (byPort || (byProcess.get(i) && !f.listenPorts().isEmpty())) {
          out.add(ev(f, "remote.listening", "listen|" + port,
              f.family() + " listening on " + port + (l.process().isEmpty() ? "" : " (" + l.process() + ")"),
              "port", port, "address", l.address(), "process", l.process()));
        }
      }
    }
  }

  static BitSet union(BitSet... sets) {
    BitSet out = new BitSet();
    for (BitSet b : sets) {
      out.or(b);
    }
    return out;
  }

  void sessions(SessionFacts sessions, List<Evidence> out) {
    for (SessionFacts.Session s : sessions.sessions()) {
      if (!remote(s)) {
        continue;
      }
      RemoteToolFamily f = familyOfSession(s);
      String family = familyName(s, f);
      out.add(Evidence.of("remote.session", "session|" + lower(family),
          "remote session via " + family + (s.remoteAddress().isEmpty() ? "" : " from " + s.remoteAddress()),
          "family", family, "kind", s.kind().name(), "remote_address", s.remoteAddress(),
          "category", f == null ? "remote-desktop" : f.category(), "weak", f != null && f.weak() ? "true" : "false"));
    }
  }

  /**
   * The families of the remote sessions open, named as {@link #sessions} names them: what the allowlist is
   * applied to when session hours are counted. Windows' own "the console session is remote" flag without a
   * listed RDP session counts as an RDP session. Empty when no remote session is open. A comma in a tool
   * name the agent reported becomes a space (the stored set is comma-separated).
   */
  Set<String> sessionFamilies(SessionFacts sessions) {
    Set<String> out = new TreeSet<>();
    for (SessionFacts.Session s : sessions.sessions()) {
      if (remote(s)) {
        out.add(familyName(s, familyOfSession(s)).replace(',', ' '));
      }
    }
    if (Boolean.TRUE.equals(sessions.remoteSession())) {
      SessionFacts.Session rdp = new SessionFacts.Session(SessionFacts.Kind.RDP, "", "", "", null);
      out.add(familyName(rdp, familyOfSession(rdp)));
    }
    return out;
  }

  /** A session that lets someone elsewhere drive the desktop: SSH carries no desktop, developers use it daily. */
  private static boolean remote(SessionFacts.Session s) {
    return s.kind() != SessionFacts.Kind.CONSOLE && s.kind() != SessionFacts.Kind.SSH;
  }

  private static String familyName(SessionFacts.Session s, @Nullable RemoteToolFamily f) {
    return f != null ? f.family() : s.kind() == SessionFacts.Kind.REMOTE_TOOL && !s.tool().isEmpty()
        ? s.tool() : s.kind().name();
  }

  private @Nullable RemoteToolFamily familyOfSession(SessionFacts.Session s) {
    String wanted = switch (s.kind()) {
      case RDP -> "RDP";
      case SCREEN_SHARING -> "Apple Screen Sharing*";
      case VNC -> "VNC";
      default -> null;
    };
    for (RemoteToolFamily f : catalogue.remoteTools()) {
      if (wanted != null ? NamePattern.of(wanted).matches(f.family())
          : anyMatch(f.sessionTools(), s.tool()) || NamePattern.of(f.family()).matches(s.tool())) {
        return f;
      }
    }
    return null;
  }

  static Evidence ev(RemoteToolFamily f, String signal, String key, String summary, String... kv) {
    String[] all = new String[kv.length + 10];
    System.arraycopy(kv, 0, all, 0, kv.length);
    all[kv.length] = "family";
    all[kv.length + 1] = f.family();
    all[kv.length + 2] = "category";
    all[kv.length + 3] = f.category();
    all[kv.length + 4] = "dprk_reporting";
    all[kv.length + 5] = String.join(";", f.dprkReporting());
    all[kv.length + 6] = "weak";
    all[kv.length + 7] = Boolean.toString(f.weak());
    all[kv.length + 8] = "catalogue";
    all[kv.length + 9] = f.origin();
    return Evidence.of(signal, lower(f.family()) + "|" + key, summary, all);
  }

  static boolean anyMatch(List<NamePattern> patterns, String value) {
    if (value.isEmpty()) {
      return false;
    }
    for (NamePattern p : patterns) {
      if (p.matches(value)) {
        return true;
      }
    }
    return false;
  }

  /** "chrome-remote-desktop@owen.service" becomes "chrome-remote-desktop@*"-matchable "chrome-remote-desktop@owen". */
  static String unitName(String name) {
    return name.endsWith(".service") ? name.substring(0, name.length() - ".service".length()) : name;
  }

  static String basename(String name) {
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    return slash < 0 ? name : name.substring(slash + 1);
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
