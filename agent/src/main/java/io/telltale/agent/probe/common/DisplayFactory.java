package io.telltale.agent.probe.common;

import io.telltale.agent.probe.HardwareFacts.Display;
import org.jspecify.annotations.Nullable;

/** Builds {@link Display} records from what each OS tells plus the decoded EDID. */
public final class DisplayFactory {

  private DisplayFactory() {}

  /**
   * A display; {@code edid} null when the OS gave no (usable) EDID. The current mode is 0 when unknown.
   */
  public static Display of(boolean internal, boolean active, String connector, @Nullable Edid edid,
      int widthPx, int heightPx, int refreshMillihz) {
    if (edid == null) {
      return new Display(internal, active, connector, "", 0, 0, "", "", widthPx, heightPx, refreshMillihz,
          0, 0, 0, 0, 0, 0, 0, "");
    }
    return new Display(internal, active, connector, edid.manufacturerId(), edid.productCode(),
        edid.serialNumber(), edid.monitorName(), edid.serialString(), widthPx, heightPx, refreshMillihz,
        edid.widthCm(), edid.heightCm(), edid.manufactureWeek(), edid.manufactureYear(),
        edid.preferredWidthPx(), edid.preferredHeightPx(), edid.preferredRefreshMillihz(), edid.sha256());
  }
}
