package io.telltale.collector.store;

/**
 * Kinds of things whose appearance and disappearance is tracked per device. Slow kinds are diffed on FULL
 * reports, volatile kinds ({@link #SESSION}, {@link #PUBLIC_IP}) on every report that carries them.
 */
public enum InventoryKind {
  PROCESS,
  SERVICE,
  APP,
  LISTENER,
  USB,
  DISPLAY,
  INPUT_DEVICE,
  CAPTURE_DEVICE,
  GATEWAY,
  BSSID,
  VPN,
  SESSION,
  PUBLIC_IP;

  /** Whether this kind is diffed on every report rather than on FULL reports only. */
  public boolean isVolatile() {
    return this == SESSION || this == PUBLIC_IP;
  }
}
