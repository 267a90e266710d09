package io.telltale.agent.probe.common;

import io.telltale.agent.probe.HardwareFacts.PointerMode;

/**
 * What a HID interface can do, read from its report descriptor (Linux sysfs, macOS {@code ReportDescriptor})
 * or its value capabilities (Windows {@code HidP_GetValueCaps}).
 *
 * @param keyboard it reports keyboard usages (page 0x07)
 * @param pointer the mode of its X/Y (Generic Desktop 0x30/0x31) inputs; NONE when it has none
 * @param digitizer it is a touchscreen or pen (Digitizer page 0x0D application collection)
 */
public record HidCapabilities(boolean keyboard, PointerMode pointer, boolean digitizer) {

  public static final HidCapabilities NONE = new HidCapabilities(false, PointerMode.NONE, false);

  /** Parses a raw HID report descriptor; never throws (a truncated descriptor yields what was read). */
  public static HidCapabilities parse(byte[] descriptor) {
    int usagePage = 0;
    int usageCount = 0;
    int[] usages = new int[32];
    int usageMin = -1;
    int usageMax = -1;
    boolean keyboard = false;
    boolean absolute = false;
    boolean relative = false;
    boolean digitizer = false;
    int i = 0;
    while (i < descriptor.length) {
      int prefix = descriptor[i] & 0xFF;
      if (prefix == 0xFE) { // long item: size byte, tag byte, data
        int size = i + 1 < descriptor.length ? descriptor[i + 1] & 0xFF : 0;
        i += 3 + size;
        continue;
      }
      int size = prefix & 0x03;
      if (size == 3) {
        size = 4;
      }
      int type = (prefix >> 2) & 0x03;
      int tag = prefix >> 4;
      long data = 0;
      for (int k = 0; k < size && i + 1 + k < descriptor.length; k++) {
        data |= (long) (descriptor[i + 1 + k] & 0xFF) << (8 * k);
      }
      i += 1 + size;
      if (type == 1 && tag == 0) { // Global: Usage Page
        usagePage = (int) data;
      } else if (type == 2) { // Local
        int full = size == 4 ? (int) data : (usagePage << 16) | (int) data;
        if (tag == 0 && usageCount < usages.length) {
          usages[usageCount++] = full;
        } else if (tag == 1) {
          usageMin = full;
        } else if (tag == 2) {
          usageMax = full;
        }
      } else if (type == 0) { // Main
        if (tag == 0x8) { // Input
          boolean constant = (data & 0x01) != 0;
          boolean rel = (data & 0x04) != 0;
          if (!constant) {
            for (int u = 0; u < usageCount; u++) {
              int page = usages[u] >>> 16;
              int id = usages[u] & 0xFFFF;
              if (page == 0x01 && (id == 0x30 || id == 0x31)) {
                absolute |= !rel;
                relative |= rel;
              }
              keyboard |= page == 0x07 && id >= 0x04 && id <= 0x65;
            }
            keyboard |= usageMin >>> 16 == 0x07 && (usageMin & 0xFFFF) <= 0x04 && (usageMax & 0xFFFF) >= 0x1D;
          }
        } else if (tag == 0xA) { // Collection
          for (int u = 0; u < usageCount; u++) {
            digitizer |= usages[u] >>> 16 == 0x0D;
          }
        }
        usageCount = 0;
        usageMin = -1;
        usageMax = -1;
      }
    }
    PointerMode pointer = absolute ? PointerMode.ABSOLUTE : relative ? PointerMode.RELATIVE : PointerMode.NONE;
    return new HidCapabilities(keyboard, pointer, digitizer);
  }
}
