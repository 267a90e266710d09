package io.telltale.collector.detect;

import io.telltale.collector.detect.catalogue.Catalogue;
import io.telltale.collector.detect.catalogue.NamePattern;
import io.telltale.collector.detect.catalogue.NetworkSignatures;
import io.telltale.collector.detect.geo.Cidr;
import io.telltale.collector.model.NetworkFacts;
import java.util.List;
import java.util.Locale;

/**
 * KVM traces on the network side (INDICATORS sections 3.3 and 8): LAN neighbours with KVM vendor OUIs or
 * default KVM host names, and a USB network adapter that is a KVM gadget's (RNDIS description, or an
 * address in a KVM's default USB subnet). Pure; thread-safe.
 */
final class NetworkEvidence {

  private final Catalogue catalogue;
  /** The catalogue's USB NIC descriptions and KVM subnets, parsed once rather than for every report. */
  private final List<Parsed<NamePattern>> nicDescriptions;
  private final List<Parsed<Cidr>> subnets;

  private record Parsed<T>(NetworkSignatures.Named entry, T parsed) {}

  NetworkEvidence(Catalogue catalogue) {
    this.catalogue = catalogue;
    this.nicDescriptions = catalogue.network().usbNicDescriptions().stream()
        .map(d -> new Parsed<>(d, NamePattern.of(d.value()))).toList();
    this.subnets = catalogue.network().usbSubnets().stream()
        .map(s -> new Parsed<>(s, Cidr.parse(s.value()))).filter(p -> p.parsed() != null).toList();
  }

  void network(NetworkFacts net, List<Evidence> out) {
    for (NetworkFacts.Neighbor n : net.neighbors()) {
      String host = n.hostname().toLowerCase(Locale.ROOT);
      if (host.endsWith(".local")) {
        host = host.substring(0, host.length() - ".local".length());
      }
      boolean named = false;
      for (NetworkSignatures.Named m : catalogue.network().mdnsNames()) {
        String name = m.value().toLowerCase(Locale.ROOT);
        if (host.equals(name) || host.startsWith(name + "-") || host.matches(java.util.regex.Pattern.quote(name) + "\\d+")) {
          out.add(Evidence.of("kvm.neighbor", "neighbor|" + n.mac(), m.device() + " on the LAN: host '"
              + n.hostname() + "' (" + n.macOui() + ")", "mac", n.mac(), "oui", n.macOui(), "hostname", n.hostname(),
              "device", m.device(), "catalogue", m.origin()));
          named = true;
          break;
        }
      }
      if (named) {
        continue;
      }
      for (NetworkSignatures.Oui o : catalogue.network().neighborOuis()) {
        String oui = n.macOui().toLowerCase(Locale.ROOT);
        boolean plain = !n.mac().isEmpty() && !n.mac().startsWith("hmac:");
        // A hashed MAC leaves only its OUI: a longer vendor prefix ("04:c9:8b:1") then matches on the OUI.
        boolean match = plain ? o.matches(n.mac())
            : !oui.isEmpty() && (oui.startsWith(o.prefix()) || o.prefix().startsWith(oui));
        if (match) {
          String signal = o.confidence().equals("low") ? "kvm.neighbor_board" : "kvm.neighbor";
          out.add(Evidence.of(signal, "neighbor|" + n.mac(), o.device() + " on the LAN (OUI " + n.macOui() + ")"
              + (n.hostname().isEmpty() ? "" : " host '" + n.hostname() + "'"), "mac", n.mac(), "oui", n.macOui(),
              "hostname", n.hostname(), "device", o.device(), "catalogue", o.origin()));
          break;
        }
      }
    }
    for (NetworkFacts.NetworkInterface nic : net.interfaces()) {
      for (Parsed<NamePattern> p : nicDescriptions) {
        NetworkSignatures.Named d = p.entry();
        if (p.parsed().matches(nic.description())) {
          out.add(Evidence.of("kvm.usb_nic", "nic|" + nic.name(), d.device() + ": adapter " + nic.name() + " ("
              + nic.description() + ")", "interface", nic.name(), "description", nic.description(),
              "catalogue", d.origin()));
        }
      }
      for (String addr : nic.addresses()) {
        for (Parsed<Cidr> p : subnets) {
          NetworkSignatures.Named s = p.entry();
          if (p.parsed().contains(hostPart(addr))) {
            out.add(Evidence.of("kvm.usb_nic", "nic|" + nic.name() + "|" + s.value(), s.device() + ": "
                + nic.name() + " has " + addr, "interface", nic.name(), "address", addr, "catalogue", s.origin()));
          }
        }
      }
    }
  }

  private static String hostPart(String cidr) {
    int slash = cidr.indexOf('/');
    return slash < 0 ? cidr : cidr.substring(0, slash);
  }
}
