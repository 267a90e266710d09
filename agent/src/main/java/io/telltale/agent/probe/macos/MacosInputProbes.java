package io.telltale.agent.probe.macos;

import io.telltale.agent.probe.Failures;
import io.telltale.agent.probe.HardwareFacts.InputBus;
import io.telltale.agent.probe.HardwareFacts.InputDevice;
import io.telltale.agent.probe.HardwareFacts.PointerMode;
import io.telltale.agent.probe.ProbeException;
import io.telltale.agent.probe.common.AbstractProbe;
import io.telltale.agent.probe.common.Command;
import io.telltale.agent.probe.common.HidCapabilities;
import io.telltale.agent.probe.common.Parse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * Keyboards and pointers from {@code ioreg -r -c IOHIDDevice -l -w0}: Transport (USB, Bluetooth, SPI/FIFO =
 * the built-in keyboard and trackpad), ids, Product, and the pointer mode decoded from ReportDescriptor.
 */
final class MacosInputProbes extends AbstractProbe<List<InputDevice>> {

  MacosInputProbes() {
    super("hardware.input_devices");
  }

  @Override
  protected List<InputDevice> collect(Failures failures) throws ProbeException {
    return parse(Command.run("ioreg", "-r", "-c", "IOHIDDevice", "-l", "-w0"));
  }

  static List<InputDevice> parse(String text) {
    LinkedHashSet<InputDevice> out = new LinkedHashSet<>();
    for (Ioreg.Node n : Ioreg.parse(text)) {
      if (!n.props().containsKey("ReportDescriptor") && !n.props().containsKey("PrimaryUsagePage")) {
        continue;
      }
      HidCapabilities caps = HidCapabilities.parse(n.data("ReportDescriptor"));
      boolean keyboard = caps.keyboard() || (n.number("PrimaryUsagePage", 0) == 1 && n.number("PrimaryUsage", 0) == 6);
      PointerMode pointer = caps.pointer();
      if (!keyboard && pointer == PointerMode.NONE) {
        continue;
      }
      String transport = String.valueOf(n.string("Transport")).toUpperCase(Locale.ROOT);
      InputBus bus = switch (transport) {
        case "USB" -> InputBus.USB;
        case "BLUETOOTH", "BLUETOOTH LOW ENERGY" -> InputBus.BLUETOOTH;
        case "SPI", "FIFO", "I2C", "AID" -> InputBus.INTERNAL;
        case "VIRTUAL" -> InputBus.VIRTUAL;
        default -> n.yes("Built-In") ? InputBus.INTERNAL : InputBus.UNKNOWN;
      };
      boolean ids = bus == InputBus.USB || bus == InputBus.BLUETOOTH;
      String product = n.string("Product");
      out.add(new InputDevice(product == null ? n.name() : product, bus,
          ids ? Parse.hex4((int) n.number("VendorID", -1)) : "", ids ? Parse.hex4((int) n.number("ProductID", -1)) : "",
          keyboard, pointer));
    }
    return new ArrayList<>(out);
  }
}
