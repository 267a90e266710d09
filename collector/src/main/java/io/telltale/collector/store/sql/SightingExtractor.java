package io.telltale.collector.store.sql;

import io.telltale.collector.model.DeviceReport;
import io.telltale.collector.model.HardwareFacts;
import io.telltale.collector.model.NetworkFacts;
import io.telltale.collector.store.SightingKind;
import java.util.LinkedHashSet;
import java.util.Set;

/** The network and hardware keys a report shows, for the sightings index. Empty values are skipped. */
final class SightingExtractor {

  private SightingExtractor() {}

  record Key(SightingKind kind, String value) {}

  static Set<Key> extract(DeviceReport r) {
    Set<Key> out = new LinkedHashSet<>();
    add(out, SightingKind.PUBLIC_IP, r.publicIp());
    NetworkFacts net = r.network();
    if (net != null) {
      if (net.gateway() != null) {
        add(out, SightingKind.GATEWAY_MAC, net.gateway().mac());
      }
      if (net.wifi() != null) {
        add(out, SightingKind.BSSID, net.wifi().bssid());
        add(out, SightingKind.SSID, net.wifi().ssid());
      }
      for (NetworkFacts.Neighbor n : net.neighbors()) {
        add(out, SightingKind.NEIGHBOR_MAC, n.mac());
        add(out, SightingKind.NEIGHBOR_OUI, n.macOui());
      }
    }
    HardwareFacts hw = r.hardware();
    if (hw != null) {
      for (HardwareFacts.Display d : hw.displays()) {
        boolean identified = d.serialNumber() != 0 || !d.serialString().isEmpty();
        if (!d.internal() && identified) {
          add(out, SightingKind.EDID_SERIAL,
              d.manufacturerId() + ":" + d.productCode() + ":" + d.serialNumber()
                  + (d.serialString().isEmpty() ? "" : ":" + d.serialString()));
        }
      }
    }
    return out;
  }

  private static void add(Set<Key> out, SightingKind kind, String value) {
    if (!value.isEmpty()) {
      out.add(new Key(kind, value));
    }
  }
}
