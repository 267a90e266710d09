package io.telltale.collector.store;

/** Network and hardware keys that several devices in one place would share. */
public enum SightingKind {
  /** Public IP the collector saw the report come from. */
  PUBLIC_IP,
  /** Default gateway MAC (hashed in HASHED privacy mode). */
  GATEWAY_MAC,
  /** Wi-Fi BSSID (hashed in HASHED mode). */
  BSSID,
  /** Wi-Fi SSID (hashed in HASHED mode). */
  SSID,
  /** External display EDID identity: "MFG:product:serial[:serial string]". */
  EDID_SERIAL,
  /** LAN neighbour MAC (hashed in HASHED mode). */
  NEIGHBOR_MAC,
  /** LAN neighbour MAC OUI, always clear. */
  NEIGHBOR_OUI
}
