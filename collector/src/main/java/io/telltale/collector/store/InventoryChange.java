package io.telltale.collector.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * Something appeared on or disappeared from a device.
 *
 * @param at when it was observed (device time corrected by the reported clock offset)
 * @param itemKey stable identity of the item within its kind, e.g. "anydesk.exe|c:\\program files\\anydesk\\anydesk.exe"
 * @param initial true when this came from the device's first inventory of the kind (present at enrollment,
 *     not newly installed)
 */
public record InventoryChange(
    String deviceId, Instant at, InventoryKind kind, String itemKey, boolean appeared, boolean initial, long sequence) {

  public InventoryChange {
    requireNonNull(deviceId, "deviceId");
    requireNonNull(at, "at");
    requireNonNull(kind, "kind");
    requireNonNull(itemKey, "itemKey");
  }
}
