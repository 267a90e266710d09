package io.telltale.collector.detect;

import static io.telltale.collector.detect.RemoteAccessEvidence.anyMatch;
import static io.telltale.collector.detect.RemoteAccessEvidence.basename;
import static io.telltale.collector.detect.RemoteAccessEvidence.lower;
import static io.telltale.collector.detect.RemoteAccessEvidence.unitName;

import io.telltale.collector.detect.catalogue.Catalogue;
import io.telltale.collector.detect.catalogue.JigglerSignature;
import io.telltale.collector.detect.catalogue.NameIndex;
import io.telltale.collector.detect.catalogue.VpnSignature;
import io.telltale.collector.model.NetworkFacts;
import io.telltale.collector.model.SoftwareFacts;
import java.util.BitSet;
import java.util.List;

/** Software jigglers and VPN clients (INDICATORS sections 6 and 7). Pure; thread-safe. */
final class ToolEvidence {

  private final Catalogue catalogue;
  private final NameIndex jigglerProcesses;
  private final NameIndex jigglerBundles;
  private final NameIndex jigglerAppNames;
  private final NameIndex vpnProcesses;
  private final NameIndex vpnBundles;
  private final NameIndex vpnAppNames;

  ToolEvidence(Catalogue catalogue) {
    this.catalogue = catalogue;
    this.jigglerProcesses = NameIndex.of(catalogue.jigglers(), JigglerSignature::processes);
    this.jigglerBundles = NameIndex.of(catalogue.jigglers(), JigglerSignature::bundleIds);
    this.jigglerAppNames = NameIndex.of(catalogue.jigglers(), JigglerSignature::apps);
    this.vpnProcesses = NameIndex.of(catalogue.vpns(), VpnSignature::processes);
    this.vpnBundles = NameIndex.of(catalogue.vpns(), VpnSignature::bundleIds);
    this.vpnAppNames = NameIndex.of(catalogue.vpns(), VpnSignature::apps);
  }

  void software(SoftwareFacts sw, List<Evidence> out) {
    List<SoftwareFacts.RunningProcess> procs = sw.processes();
    List<SoftwareFacts.InstalledApp> installed = sw.installedApps();
    BitSet[] jigglerProcs = new BitSet[procs.size()];
    BitSet[] vpnProcs = new BitSet[procs.size()];
    for (int p = 0; p < procs.size(); p++) {
      SoftwareFacts.RunningProcess proc = procs.get(p);
      jigglerProcs[p] = jigglerProcesses.matching(basename(proc.name()));
      jigglerBundles.addMatching(proc.bundleId(), jigglerProcs[p]);
      vpnProcs[p] = vpnProcesses.matching(basename(proc.name()));
      vpnProcesses.addMatching(basename(proc.path()), vpnProcs[p]);
      vpnBundles.addMatching(proc.bundleId(), vpnProcs[p]);
    }
    BitSet[] jigglerApps = new BitSet[installed.size()];
    BitSet[] vpnApps = new BitSet[installed.size()];
    for (int a = 0; a < installed.size(); a++) {
      SoftwareFacts.InstalledApp app = installed.get(a);
      jigglerApps[a] = jigglerAppNames.matchingProduct(app.name());
      jigglerBundles.addMatching(app.bundleId(), jigglerApps[a]);
      vpnApps[a] = vpnAppNames.matchingProduct(app.name());
      vpnBundles.addMatching(app.bundleId(), vpnApps[a]);
    }
    List<JigglerSignature> jigglers = catalogue.jigglers();
    for (int j = 0; j < jigglers.size(); j++) {
      JigglerSignature sig = jigglers.get(j);
      for (int p = 0; p < procs.size(); p++) {
        if (jigglerProcs[p].get(j)) {
          SoftwareFacts.RunningProcess proc = procs.get(p);
          out.add(Evidence.of("jiggler.software", lower(sig.tool()) + "|process|" + lower(proc.name()),
              sig.tool() + " running (" + proc.name() + ")", "tool", sig.tool(), "kind", sig.kind(), "process",
              proc.name(), "catalogue", sig.origin()));
        }
      }
      for (int a = 0; a < installed.size(); a++) {
        if (jigglerApps[a].get(j)) {
          SoftwareFacts.InstalledApp app = installed.get(a);
          out.add(Evidence.of("jiggler.software", lower(sig.tool()) + "|app|" + lower(app.name()),
              sig.tool() + " installed (" + app.name() + ")", "tool", sig.tool(), "kind", sig.kind(), "app",
              app.name(), "catalogue", sig.origin()));
        }
      }
    }
    List<VpnSignature> vpns = catalogue.vpns();
    for (int v = 0; v < vpns.size(); v++) {
      VpnSignature sig = vpns.get(v);
      for (int p = 0; p < procs.size(); p++) {
        if (vpnProcs[p].get(v)) {
          SoftwareFacts.RunningProcess proc = procs.get(p);
          out.add(vpn(sig, "process|" + lower(basename(proc.name())), sig.vpn() + " running (" + proc.name() + ")",
              "process", proc.name()));
        }
      }
      for (SoftwareFacts.ServiceEntry s : sw.services()) {
        if (anyMatch(sig.services(), unitName(s.name())) || anyMatch(sig.services(), s.name())) {
          out.add(vpn(sig, "service|" + lower(s.name()), sig.vpn() + " service " + s.name(), "service", s.name()));
        }
      }
      for (int a = 0; a < installed.size(); a++) {
        if (vpnApps[a].get(v)) {
          SoftwareFacts.InstalledApp app = installed.get(a);
          out.add(vpn(sig, "app|" + lower(app.name()), sig.vpn() + " installed (" + app.name() + ")", "app",
              app.name()));
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
