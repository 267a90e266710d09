package io.telltale.collector.detect;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * A key that laptops in one place share: what fleet correlation links devices by.
 *
 * @param kind public_ip, gateway_mac, bssid, edid or kvm_neighbor
 * @param value the (usually hashed) value
 */
public record NetworkKey(String kind, String value) {

  public static final String PUBLIC_IP = "public_ip";
  public static final String GATEWAY_MAC = "gateway_mac";
  public static final String BSSID = "bssid";
  public static final String EDID = "edid";
  public static final String KVM_NEIGHBOR = "kvm_neighbor";

  public NetworkKey {
    requireNonNull(kind, "kind");
    requireNonNull(value, "value");
  }

  /** For people: the kind and a shortened value ("BSSID hmac:3f2a…"). */
  public String label() {
    String k = switch (kind) {
      case PUBLIC_IP -> "public IP";
      case GATEWAY_MAC -> "gateway MAC";
      case BSSID -> "Wi-Fi BSSID";
      case EDID -> "display EDID";
      case KVM_NEIGHBOR -> "KVM on the LAN";
      default -> kind.toLowerCase(Locale.ROOT);
    };
    String v = value.length() > 24 ? value.substring(0, 20) + "…" : value;
    return k + " " + v;
  }
}
