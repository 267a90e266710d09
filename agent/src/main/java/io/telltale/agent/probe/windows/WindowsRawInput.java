package io.telltale.agent.probe.windows;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.User32;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.platform.win32.WinUser.RAWINPUTDEVICELIST;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.win32.StdCallLibrary;
import io.telltale.agent.probe.HardwareFacts.PointerMode;
import io.telltale.agent.probe.ProbeException;
import io.telltale.agent.probe.common.HidCapabilities;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * HID capabilities of every Raw Input device (GetRawInputDeviceList, GetRawInputDeviceInfo RIDI_DEVICENAME
 * and RIDI_PREPARSEDDATA, HidP_GetCaps, HidP_GetValueCaps): whether X/Y are absolute. The JNA calls are the
 * thin, untested-here part (written against the Windows SDK headers, never run on Windows in CI); matching
 * devices to USB interfaces ({@link #capabilities}) is pure and tested.
 */
final class WindowsRawInput {

  /** One Raw Input device: its name (\\?\HID#VID_1D6B&PID_0104&MI_01#...) and decoded capabilities. */
  record HidDevice(String name, HidCapabilities capabilities) {}

  private static final int RIDI_DEVICENAME = 0x20000007;
  private static final int RIDI_PREPARSEDDATA = 0x20000005;
  private static final int HIDP_STATUS_SUCCESS = 0x00110000;
  private static final int VALUE_CAPS_BYTES = 72;

  private WindowsRawInput() {}

  /** "\\?\HID#VID_1D6B&PID_0104&MI_01#7&2b3c4d5e&0&0000#{guid}" → "HID\VID_1D6B&PID_0104&MI_01\7&2B3C4D5E&0&0000". */
  static String instanceId(String rawInputName) {
    String n = rawInputName.startsWith("\\\\?\\") ? rawInputName.substring(4) : rawInputName;
    int guid = n.lastIndexOf("#{");
    if (guid > 0) {
      n = n.substring(0, guid);
    }
    return n.replace('#', '\\').toUpperCase(Locale.ROOT);
  }

  /** Two collections of one interface (a keyboard and a consumer-control collection, say) combined. */
  static HidCapabilities merge(HidCapabilities a, HidCapabilities b) {
    PointerMode p = a.pointer() == PointerMode.ABSOLUTE || b.pointer() == PointerMode.ABSOLUTE ? PointerMode.ABSOLUTE
        : a.pointer() == PointerMode.RELATIVE || b.pointer() == PointerMode.RELATIVE ? PointerMode.RELATIVE
        : PointerMode.NONE;
    return new HidCapabilities(a.keyboard() || b.keyboard(), p, a.digitizer() || b.digitizer());
  }

  /** Reads every Raw Input HID device. Windows only. */
  static List<HidDevice> query() throws ProbeException {
    IntByReference count = new IntByReference();
    int size = new RAWINPUTDEVICELIST().size();
    if (User32.INSTANCE.GetRawInputDeviceList(null, count, size) != 0) {
      throw new ProbeException("GetRawInputDeviceList failed");
    }
    RAWINPUTDEVICELIST[] list = (RAWINPUTDEVICELIST[]) new RAWINPUTDEVICELIST().toArray(Math.max(1, count.getValue()));
    int n = User32.INSTANCE.GetRawInputDeviceList(list, count, size);
    List<HidDevice> out = new ArrayList<>();
    for (int i = 0; i < Math.max(0, n); i++) {
      String name = deviceName(list[i].hDevice);
      HidCapabilities caps = caps(list[i].hDevice);
      if (!name.isEmpty() && caps != null) {
        out.add(new HidDevice(name.toUpperCase(Locale.ROOT), caps));
      }
    }
    return out;
  }

  private static String deviceName(HANDLE h) {
    IntByReference chars = new IntByReference();
    RawInput.INSTANCE.GetRawInputDeviceInfoW(h, RIDI_DEVICENAME, null, chars);
    if (chars.getValue() <= 0) {
      return "";
    }
    Memory buf = new Memory(chars.getValue() * 2L + 2);
    RawInput.INSTANCE.GetRawInputDeviceInfoW(h, RIDI_DEVICENAME, buf, chars);
    return new String(buf.getByteArray(0, chars.getValue() * 2), StandardCharsets.UTF_16LE).replace("\0", "");
  }

  private static @Nullable HidCapabilities caps(HANDLE h) {
    IntByReference bytes = new IntByReference();
    RawInput.INSTANCE.GetRawInputDeviceInfoW(h, RIDI_PREPARSEDDATA, null, bytes);
    if (bytes.getValue() <= 0) {
      return null; // legacy keyboard/mouse without preparsed data
    }
    Memory preparsed = new Memory(bytes.getValue());
    if (RawInput.INSTANCE.GetRawInputDeviceInfoW(h, RIDI_PREPARSEDDATA, preparsed, bytes) <= 0) {
      return null;
    }
    Memory hidpCaps = new Memory(64);
    if (Hid.INSTANCE.HidP_GetCaps(preparsed, hidpCaps) != HIDP_STATUS_SUCCESS) {
      return null;
    }
    int usage = hidpCaps.getShort(0) & 0xFFFF;
    int usagePage = hidpCaps.getShort(2) & 0xFFFF;
    int valueCaps = hidpCaps.getShort(48) & 0xFFFF; // NumberInputValueCaps
    PointerMode pointer = PointerMode.NONE;
    if (valueCaps > 0) {
      Memory vc = new Memory((long) valueCaps * VALUE_CAPS_BYTES);
      IntByReference len = new IntByReference(valueCaps);
      if (Hid.INSTANCE.HidP_GetValueCaps(0, vc, len, preparsed) == HIDP_STATUS_SUCCESS) {
        for (int i = 0; i < len.getValue(); i++) {
          long off = (long) i * VALUE_CAPS_BYTES;
          int page = vc.getShort(off) & 0xFFFF;
          boolean absolute = vc.getByte(off + 15) != 0;
          int u = vc.getShort(off + 56) & 0xFFFF; // NotRange.Usage (or Range.UsageMin)
          if (page == 0x01 && (u == 0x30 || u == 0x31)) {
            pointer = absolute ? PointerMode.ABSOLUTE : pointer == PointerMode.ABSOLUTE ? pointer : PointerMode.RELATIVE;
          }
        }
      }
    }
    return new HidCapabilities(usagePage == 0x01 && usage == 0x06, pointer, usagePage == 0x0D);
  }

  private interface RawInput extends StdCallLibrary {
    RawInput INSTANCE = Native.load("user32", RawInput.class);

    int GetRawInputDeviceInfoW(HANDLE device, int command, @Nullable Pointer data, IntByReference size);
  }

  private interface Hid extends StdCallLibrary {
    Hid INSTANCE = Native.load("hid", Hid.class);

    int HidP_GetCaps(Pointer preparsed, Pointer caps);

    int HidP_GetValueCaps(int reportType, Pointer valueCaps, IntByReference length, Pointer preparsed);
  }
}
