package io.telltale.collector.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** Attached hardware: USB devices, displays, input devices and capture devices. */
public record HardwareFacts(
    List<UsbDevice> usbDevices,
    List<Display> displays,
    List<InputDevice> inputDevices,
    List<CaptureDevice> captureDevices) {

  public HardwareFacts {
    usbDevices = List.copyOf(usbDevices);
    displays = List.copyOf(displays);
    inputDevices = List.copyOf(inputDevices);
    captureDevices = List.copyOf(captureDevices);
  }

  /** A function a USB device exposes, derived from its interface descriptors. */
  public enum UsbFunction {
    KEYBOARD,
    MOUSE_RELATIVE,
    MOUSE_ABSOLUTE,
    MASS_STORAGE,
    CDROM,
    NETWORK,
    AUDIO,
    VIDEO,
    SERIAL,
    HUB,
    HID_OTHER,
    OTHER
  }

  /** One USB interface descriptor. */
  public record UsbInterface(int interfaceClass, int interfaceSubclass, int interfaceProtocol, String driver) {
    public UsbInterface {
      requireNonNull(driver, "driver");
    }
  }

  /**
   * A USB device (root hubs excluded). Ids are 4 lower-case hex digits; strings are empty when absent.
   * {@code maxPowerMa} 0 means unknown.
   */
  public record UsbDevice(
      String vendorId,
      String productId,
      String manufacturer,
      String product,
      String serial,
      String bcdDevice,
      List<UsbFunction> functions,
      List<UsbInterface> interfaces,
      int maxPowerMa,
      String location,
      String storageInquiry) {
    public UsbDevice {
      requireNonNull(vendorId, "vendorId");
      requireNonNull(productId, "productId");
      requireNonNull(manufacturer, "manufacturer");
      requireNonNull(product, "product");
      requireNonNull(serial, "serial");
      requireNonNull(bcdDevice, "bcdDevice");
      functions = List.copyOf(functions);
      interfaces = List.copyOf(interfaces);
      requireNonNull(location, "location");
      requireNonNull(storageInquiry, "storageInquiry");
    }
  }

  /**
   * A display with its decoded EDID. Strings are empty and numbers 0 when not given; {@code refreshMillihz}
   * is the current refresh rate in millihertz; {@code edidSha256} is the hex SHA-256 of the raw EDID.
   */
  public record Display(
      boolean internal,
      boolean active,
      String connector,
      String manufacturerId,
      int productCode,
      long serialNumber,
      String monitorName,
      String serialString,
      int widthPx,
      int heightPx,
      int refreshMillihz,
      int widthCm,
      int heightCm,
      int manufactureWeek,
      int manufactureYear,
      int preferredWidthPx,
      int preferredHeightPx,
      int preferredRefreshMillihz,
      String edidSha256) {
    public Display {
      requireNonNull(connector, "connector");
      requireNonNull(manufacturerId, "manufacturerId");
      requireNonNull(monitorName, "monitorName");
      requireNonNull(serialString, "serialString");
      requireNonNull(edidSha256, "edidSha256");
    }
  }

  /** Pointer mode of an input device. */
  public enum PointerMode {
    NONE,
    RELATIVE,
    ABSOLUTE,
    UNKNOWN
  }

  /** Bus an input device is attached to. */
  public enum InputBus {
    USB,
    BLUETOOTH,
    INTERNAL,
    VIRTUAL,
    UNKNOWN
  }

  /** An input device the OS knows. */
  public record InputDevice(
      String name, InputBus bus, String vendorId, String productId, boolean keyboard, PointerMode pointer) {
    public InputDevice {
      requireNonNull(name, "name");
      requireNonNull(bus, "bus");
      requireNonNull(vendorId, "vendorId");
      requireNonNull(productId, "productId");
      requireNonNull(pointer, "pointer");
    }
  }

  /** A video capture device. */
  public record CaptureDevice(String name, String vendorId, String productId) {
    public CaptureDevice {
      requireNonNull(name, "name");
      requireNonNull(vendorId, "vendorId");
      requireNonNull(productId, "productId");
    }
  }
}
