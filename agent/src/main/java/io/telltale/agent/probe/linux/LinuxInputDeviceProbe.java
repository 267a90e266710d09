package io.telltale.agent.probe.linux;

import io.telltale.agent.probe.Failures;
import io.telltale.agent.probe.HardwareFacts.InputBus;
import io.telltale.agent.probe.HardwareFacts.InputDevice;
import io.telltale.agent.probe.HardwareFacts.PointerMode;
import io.telltale.agent.probe.HostRoot;
import io.telltale.agent.probe.ProbeException;
import io.telltale.agent.probe.common.AbstractProbe;
import io.telltale.agent.probe.common.Parse;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keyboards and pointers from {@code /proc/bus/input/devices}, with their bus and pointer mode from the
 * capability bitmaps: X/Y in {@code B: ABS=} without {@code INPUT_PROP_POINTER} is an absolute pointer (an
 * IP-KVM, a VM tablet, a touchscreen); {@code B: REL=} X/Y or a touchpad is relative.
 */
final class LinuxInputDeviceProbe extends AbstractProbe<List<InputDevice>> {

  static final String DEVICES = "/proc/bus/input/devices";

  private final HostRoot root;

  LinuxInputDeviceProbe(HostRoot root) {
    super("hardware.input_devices");
    this.root = root;
  }

  @Override
  protected List<InputDevice> collect(Failures failures) throws ProbeException {
    List<InputDevice> out = new ArrayList<>();
    for (Block b : parseBlocks(root.read(DEVICES))) {
      InputDevice d = b.toDevice();
      if (d.keyboard() || d.pointer() != PointerMode.NONE) {
        out.add(d);
      }
    }
    return out;
  }

  /** Splits the file into one block per device (blank-line separated). */
  static List<Block> parseBlocks(String text) {
    List<Block> out = new ArrayList<>();
    Block cur = null;
    for (String line : text.split("\n")) {
      if (line.isBlank()) {
        cur = null;
        continue;
      }
      if (cur == null) {
        cur = new Block();
        out.add(cur);
      }
      if (line.length() > 3 && line.charAt(1) == ':') {
        cur.add(line.charAt(0), line.substring(3));
      }
    }
    return out;
  }

  /** One device's lines. */
  static final class Block {
    final Map<String, String> fields = new LinkedHashMap<>();

    void add(char type, String rest) {
      switch (type) {
        case 'I' -> {
          for (String kv : rest.trim().split("\\s+")) {
            int eq = kv.indexOf('=');
            if (eq > 0) {
              fields.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
          }
        }
        case 'N' -> fields.put("Name", unquote(rest.trim().replaceFirst("^Name=", "")));
        case 'S' -> fields.put("Sysfs", rest.trim().replaceFirst("^Sysfs=", ""));
        case 'H' -> fields.put("Handlers", rest.trim().replaceFirst("^Handlers=", ""));
        case 'B' -> {
          int eq = rest.indexOf('=');
          if (eq > 0) {
            fields.put("B:" + rest.substring(0, eq).trim(), rest.substring(eq + 1).trim());
          }
        }
        default -> { }
      }
    }

    String get(String key) {
      return fields.getOrDefault(key, "");
    }

    InputDevice toDevice() {
      InputBus bus = bus(Parse.hexToInt(get("Bus"), -1), get("Sysfs"));
      BigInteger key = bitmap(get("B:KEY"));
      BigInteger abs = bitmap(get("B:ABS"));
      BigInteger rel = bitmap(get("B:REL"));
      BigInteger prop = bitmap(get("B:PROP"));
      // KEY_Q..KEY_P (16-25) and KEY_A..KEY_L (30-38): letter rows, which power buttons and remotes lack.
      boolean keyboard = key.testBit(16) && key.testBit(25) && key.testBit(30);
      boolean touchpad = prop.testBit(0); // INPUT_PROP_POINTER: moves the cursor relative to where it is
      PointerMode pointer = PointerMode.NONE;
      if (abs.testBit(0) && abs.testBit(1)) {
        pointer = touchpad ? PointerMode.RELATIVE : PointerMode.ABSOLUTE;
      } else if (rel.testBit(0) && rel.testBit(1)) {
        pointer = PointerMode.RELATIVE;
      }
      boolean usbLike = bus == InputBus.USB || bus == InputBus.BLUETOOTH;
      return new InputDevice(get("Name"), bus, usbLike ? Parse.hex4(get("Vendor")) : "",
          usbLike ? Parse.hex4(get("Product")) : "", keyboard, pointer);
    }
  }

  /** Linux BUS_* numbers; anything under /devices/virtual is software-made (uinput). */
  static InputBus bus(int code, String sysfs) {
    if (sysfs.startsWith("/devices/virtual/")) {
      return InputBus.VIRTUAL;
    }
    return switch (code) {
      case 0x03 -> InputBus.USB;
      case 0x05 -> InputBus.BLUETOOTH;
      case 0x06 -> InputBus.VIRTUAL;
      case 0x01, 0x10, 0x11, 0x18, 0x19, 0x1C, 0x1D -> InputBus.INTERNAL; // PCI, ISA, i8042, I2C, host, SPI, RMI
      default -> InputBus.UNKNOWN;
    };
  }

  /** A /proc capability bitmap: hex words separated by spaces, most significant word first. */
  static BigInteger bitmap(String words) {
    if (words.isBlank()) {
      return BigInteger.ZERO;
    }
    BigInteger v = BigInteger.ZERO;
    String[] parts = words.trim().split("\\s+");
    for (String p : parts) {
      long w = Parse.hexToLong(p, 0);
      // Words are C longs: 64 bits on the 64-bit kernels laptops run.
      v = v.shiftLeft(64).or(new BigInteger(Long.toUnsignedString(w)));
    }
    return v;
  }

  private static String unquote(String s) {
    return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
  }
}
