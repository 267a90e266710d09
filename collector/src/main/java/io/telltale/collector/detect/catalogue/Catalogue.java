package io.telltale.collector.detect.catalogue;

import java.util.List;

/**
 * The merged signature catalogue: built-in entries first, then the administrator's. Immutable and
 * thread-safe; detection reads it through the matchers in this package.
 */
public record Catalogue(
    List<RemoteToolFamily> remoteTools,
    List<UsbSignature> usb,
    List<EdidSignature> edids,
    List<JigglerSignature> jigglers,
    List<VpnSignature> vpns,
    NetworkSignatures network) {

  public Catalogue {
    remoteTools = List.copyOf(remoteTools);
    usb = List.copyOf(usb);
    edids = List.copyOf(edids);
    jigglers = List.copyOf(jigglers);
    vpns = List.copyOf(vpns);
  }

  public static Catalogue empty() {
    return new Catalogue(List.of(), List.of(), List.of(), List.of(), List.of(), NetworkSignatures.empty());
  }

  /** This catalogue with {@code other}'s entries appended. */
  public Catalogue plus(Catalogue other) {
    return new Catalogue(
        NetworkSignatures.concat(remoteTools, other.remoteTools),
        NetworkSignatures.concat(usb, other.usb),
        NetworkSignatures.concat(edids, other.edids),
        NetworkSignatures.concat(jigglers, other.jigglers),
        NetworkSignatures.concat(vpns, other.vpns),
        network.plus(other.network));
  }

  /** Entry counts per section, for logs and the CLI. */
  public String summary() {
    return remoteTools.size() + " remote-access families, " + usb.size() + " USB identities, " + edids.size()
        + " EDIDs, " + jigglers.size() + " jigglers, " + vpns.size() + " VPN clients, "
        + network.neighborOuis().size() + " KVM OUIs";
  }
}
