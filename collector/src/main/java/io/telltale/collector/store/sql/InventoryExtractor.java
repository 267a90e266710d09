package io.telltale.collector.store.sql;

import io.telltale.collector.model.DeviceReport;
import io.telltale.collector.model.HardwareFacts;
import io.telltale.collector.model.NetworkFacts;
import io.telltale.collector.model.SessionFacts;
import io.telltale.collector.model.SoftwareFacts;
import io.telltale.collector.store.InventoryKind;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The item keys a report shows per inventory kind. Only kinds whose section is present are returned: an
 * absent section means "not observed", which must never read as "everything disappeared".
 */
final class InventoryExtractor {

  private InventoryExtractor() {}

  static Map<InventoryKind, Set<String>> extract(DeviceReport r) {
    Map<InventoryKind, Set<String>> out = new EnumMap<>(InventoryKind.class);
    SoftwareFacts sw = r.software();
    if (sw != null) {
      out.put(InventoryKind.PROCESS, keys(sw.processes(), p -> lower(p.name()) + "|" + lower(p.path())));
      out.put(InventoryKind.SERVICE, keys(sw.services(), s -> s.name()));
      out.put(InventoryKind.APP, keys(sw.installedApps(), a -> a.name() + "|" + a.bundleId()));
      out.put(
          InventoryKind.LISTENER,
          keys(sw.listeners(), l -> l.protocol() + "/" + l.port() + "|" + l.process()));
    }
    HardwareFacts hw = r.hardware();
    if (hw != null) {
      out.put(InventoryKind.USB, keys(hw.usbDevices(), u -> u.vendorId() + ":" + u.productId() + "|" + u.serial()));
      out.put(InventoryKind.DISPLAY, keys(hw.displays(), InventoryExtractor::displayKey));
      out.put(
          InventoryKind.INPUT_DEVICE,
          keys(hw.inputDevices(), d -> d.name() + "|" + d.bus() + "|" + d.vendorId() + ":" + d.productId()));
      out.put(
          InventoryKind.CAPTURE_DEVICE,
          keys(hw.captureDevices(), d -> d.name() + "|" + d.vendorId() + ":" + d.productId()));
    }
    NetworkFacts net = r.network();
    if (net != null) {
      NetworkFacts.Gateway gw = net.gateway();
      out.put(InventoryKind.GATEWAY, gw == null ? Set.of() : Set.of(gw.mac().isEmpty() ? gw.ip() : gw.mac()));
      NetworkFacts.Wifi wifi = net.wifi();
      out.put(InventoryKind.BSSID, wifi == null || wifi.bssid().isEmpty() ? Set.of() : Set.of(wifi.bssid()));
      Set<String> vpn = new TreeSet<>(net.vpnConnections());
      for (NetworkFacts.NetworkInterface nic : net.interfaces()) {
        if (nic.kind() == NetworkFacts.InterfaceKind.TUNNEL) {
          vpn.add(nic.name() + "|" + nic.description());
        }
      }
      out.put(InventoryKind.VPN, vpn);
    }
    SessionFacts sessions = r.sessions();
    if (sessions != null) {
      out.put(
          InventoryKind.SESSION,
          keys(sessions.sessions(), s -> s.kind() + "|" + s.user() + "|" + s.tool() + "|" + s.remoteAddress()));
    }
    if (!r.publicIp().isEmpty()) {
      out.put(InventoryKind.PUBLIC_IP, Set.of(r.publicIp()));
    }
    return out;
  }

  static String displayKey(HardwareFacts.Display d) {
    return (d.internal() ? "internal|" : "external|")
        + d.manufacturerId() + ":" + d.productCode() + ":" + d.serialNumber() + ":" + d.serialString();
  }

  private static <T> Set<String> keys(Iterable<T> items, Function<T, String> key) {
    Set<String> out = new TreeSet<>();
    for (T item : items) {
      out.add(key.apply(item));
    }
    return out;
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
