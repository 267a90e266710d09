package io.telltale.collector.detect;

import static io.telltale.collector.detect.RemoteAccessEvidence.anyMatch;
import static io.telltale.collector.detect.RemoteAccessEvidence.basename;
import static io.telltale.collector.detect.RemoteAccessEvidence.lower;
import static io.telltale.collector.detect.RemoteAccessEvidence.unitName;

import io.telltale.collector.detect.catalogue.Catalogue;
import io.telltale.collector.detect.catalogue.JigglerSignature;
import io.telltale.collector.detect.catalogue.VpnSignature;
import io.telltale.collector.model.NetworkFacts;
import io.telltale.collector.model.SoftwareFacts;
import java.util.List;

/** Software jigglers and VPN clients (INDICATORS sections 6 and 7). Pure; thread-safe. */
final class ToolEvidence {

  private final Catalogue catalogue;

  ToolEvidence(Catalogue catalogue) {
    this.catalogue = catalogue;
  }

  void software(SoftwareFacts sw, List<Evidence> out) {
    for (JigglerSignature j : catalogue.jigglers()) {
      for (SoftwareFacts.RunningProcess p : sw.processes()) {
        if (anyMatch(j.processes(), basename(p.name())) || anyMatch(j.bundleIds(), p.bundleId())) {
          out.add(Evidence.of("jiggler.software", lower(j.tool()) + "|process|" + lower(p.name()),
              j.tool() + " running (" + p.name() + ")", "tool", j.tool(), "kind", j.kind(), "process", p.name(),
              "catalogue", j.origin()));
        }
      }
      for (SoftwareFacts.InstalledApp a : sw.installedApps()) {
        if (j.apps().stream().anyMatch(pat -> pat.matchesProduct(a.name())) || anyMatch(j.bundleIds(), a.bundleId())) {
          out.add(Evidence.of("jiggler.software", lower(j.tool()) + "|app|" + lower(a.name()),
              j.tool() + " installed (" + a.name() + ")", "tool", j.tool(), "kind", j.kind(), "app", a.name(),
              "catalogue", j.origin()));
        }
      }
    }
    for (VpnSignature v : catalogue.vpns()) {
      for (SoftwareFacts.RunningProcess p : sw.processes()) {
        if (anyMatch(v.processes(), basename(p.name())) || anyMatch(v.processes(), basename(p.path()))
            || anyMatch(v.bundleIds(), p.bundleId())) {
          out.add(vpn(v, "process|" + lower(basename(p.name())), v.vpn() + " running (" + p.name() + ")",
              "process", p.name()));
        }
      }
      for (SoftwareFacts.ServiceEntry s : sw.services()) {
        if (anyMatch(v.services(), unitName(s.name())) || anyMatch(v.services(), s.name())) {
          out.add(vpn(v, "service|" + lower(s.name()), v.vpn() + " service " + s.name(), "service", s.name()));
        }
      }
      for (SoftwareFacts.InstalledApp a : sw.installedApps()) {
        if (v.apps().stream().anyMatch(pat -> pat.matchesProduct(a.name())) || anyMatch(v.bundleIds(), a.bundleId())) {
          out.add(vpn(v, "app|" + lower(a.name()), v.vpn() + " installed (" + a.name() + ")", "app", a.name()));
        }
      }
    }
  }

  void network(NetworkFacts net, List<Evidence> out) {
    for (NetworkFacts.NetworkInterface nic : net.interfaces()) {
      for (VpnSignature v : catalogue.vpns()) {
        boolean adapter = anyMatch(v.adapters(), nic.description()) || anyMatch(v.adapters(), nic.name());
        boolean iface = anyMatch(v.interfaces(), nic.name());
        boolean named = nic.kind() == NetworkFacts.InterfaceKind.TUNNEL && mentions(nic.description(), v);
        if (adapter || iface || named) {
          out.add(vpn(v, "adapter|" + lower(nic.name()), v.vpn() + " adapter " + nic.name()
              + (nic.description().isEmpty() ? "" : " (" + nic.description() + ")"), "interface", nic.name(),
              "description", nic.description()));
        }
      }
    }
    for (String conn : net.vpnConnections()) {
      for (VpnSignature v : catalogue.vpns()) {
        if (mentions(conn, v)) {
          out.add(vpn(v, "connection|" + lower(conn), v.vpn() + " connection '" + conn + "'", "connection", conn));
        }
      }
    }
  }

  private static Evidence vpn(VpnSignature v, String key, String summary, String... kv) {
    String signal = v.vpn().toLowerCase(java.util.Locale.ROOT).startsWith("astrill") ? "vpn.astrill" : "vpn.client";
    return Evidence.of(signal, lower(v.vpn()) + "|" + key, summary, KvmEvidence.concat(kv, "vpn", v.vpn(),
        "category", v.category(), "dprk_reporting", String.join(";", v.dprkReporting()), "catalogue", v.origin()));
  }

  private static final java.util.Set<String> GENERIC = java.util.Set.of(
      "client", "secure", "private", "internet", "access", "browser", "connect", "shield", "family", "hotspot");

  /** Whether free text names the product by a distinctive word of its name ("Astrill TAP Adapter"). */
  static boolean mentions(String text, VpnSignature v) {
    if (text.isEmpty()) {
      return false;
    }
    List<String> words = List.of(lower(text).split("[^a-z0-9]+"));
    for (String w : lower(v.vpn()).split("[^a-z0-9]+")) {
      if (w.length() >= 6 && !GENERIC.contains(w) && words.contains(w)) {
        return true;
      }
    }
    return false;
  }
}
