package io.telltale.collector.detect.catalogue;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/** KVM traces on the LAN and the USB network, KVM drive strings and KVM jiggler periods. */
public record NetworkSignatures(
    List<Oui> neighborOuis,
    List<Named> mdnsNames,
    List<Named> usbSubnets,
    List<Named> usbNicDescriptions,
    List<Named> storageInquiries,
    List<Period> kvmJigglePeriods) {

  public NetworkSignatures {
    neighborOuis = List.copyOf(neighborOuis);
    mdnsNames = List.copyOf(mdnsNames);
    usbSubnets = List.copyOf(usbSubnets);
    usbNicDescriptions = List.copyOf(usbNicDescriptions);
    storageInquiries = List.copyOf(storageInquiries);
    kvmJigglePeriods = List.copyOf(kvmJigglePeriods);
  }

  public static NetworkSignatures empty() {
    return new NetworkSignatures(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
  }

  NetworkSignatures plus(NetworkSignatures o) {
    return new NetworkSignatures(
        concat(neighborOuis, o.neighborOuis), concat(mdnsNames, o.mdnsNames), concat(usbSubnets, o.usbSubnets),
        concat(usbNicDescriptions, o.usbNicDescriptions), concat(storageInquiries, o.storageInquiries),
        concat(kvmJigglePeriods, o.kvmJigglePeriods));
  }

  static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /** A MAC prefix (lower case, colon separated, 1..6 octets or a half octet as in "04:c9:8b:1"). */
  public record Oui(String prefix, String device, String confidence, String origin) {
    public Oui {
      requireNonNull(prefix, "prefix");
      requireNonNull(device, "device");
      requireNonNull(confidence, "confidence");
      requireNonNull(origin, "origin");
    }

    public boolean matches(String mac) {
      return !mac.isEmpty() && mac.toLowerCase(java.util.Locale.ROOT).startsWith(prefix);
    }
  }

  /** A name, pattern or CIDR with what it reveals. */
  public record Named(String value, String device, String origin) {
    public Named {
      requireNonNull(value, "value");
      requireNonNull(device, "device");
      requireNonNull(origin, "origin");
    }
  }

  /** An input period of a KVM built-in jiggler. */
  public record Period(int seconds, String device, String origin) {
    public Period {
      requireNonNull(device, "device");
      requireNonNull(origin, "origin");
    }
  }
}
