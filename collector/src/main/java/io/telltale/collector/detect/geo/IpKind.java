package io.telltale.collector.detect.geo;

import java.util.Locale;

/** What kind of network an IP belongs to, as IP intelligence classifies it. */
public enum IpKind {
  RESIDENTIAL,
  MOBILE,
  BUSINESS,
  HOSTING,
  VPN,
  CORPORATE,
  UNKNOWN;

  /** Parses "residential", "vpn", ... (case-insensitive); unknown words give {@link #UNKNOWN}. */
  public static IpKind parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return UNKNOWN;
    }
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Networks that strangers share by design: a shared address there says nothing about a farm. */
  public boolean sharedVenue() {
    return this == BUSINESS || this == MOBILE || this == HOSTING || this == VPN || this == CORPORATE;
  }
}
