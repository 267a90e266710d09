package io.telltale.agent.probe.linux;

import io.telltale.agent.probe.HardwareFacts.InputBus;
import io.telltale.agent.probe.HardwareFacts.InputDevice;
import io.telltale.agent.probe.HardwareFacts.PointerMode;
import io.telltale.agent.probe.HostRoot;
import io.telltale.agent.probe.Observations.ProbeFailure;
import io.telltale.agent.probe.ProbeException;
import io.telltale.agent.probe.activity.ActivityCapture;
import io.telltale.agent.probe.activity.ActivityRecorder;
import io.telltale.agent.probe.activity.InputEvent;
import io.telltale.agent.probe.activity.InputEvent.Origin;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every keyboard and pointer evdev node ({@code /dev/input/eventN}, root or the {@code input} group)
 * on one daemon thread each, and classifies its events by the device's bus: USB and Bluetooth are external
 * (attributed as "vvvv:pppp"), uinput and other virtual devices are injected, i8042/I2C/SPI/platform
 * devices are local. Nodes it cannot open are listed in {@link #failures()}; the rest keep recording.
 * Devices plugged in later are not picked up until the agent restarts.
 */
final class LinuxEvdevCapture implements ActivityCapture {

  private static final Logger LOG = LoggerFactory.getLogger(LinuxEvdevCapture.class);
  // A laptop has a handful of input nodes; this bounds threads if something odd registers hundreds.
  private static final int MAX_DEVICES = 32;

  private final HostRoot root;
  private final List<ProbeFailure> failures = new CopyOnWriteArrayList<>();
  private final List<InputStream> streams = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  LinuxEvdevCapture(HostRoot root) {
    this.root = root;
  }

  @Override
  public void start(ActivityRecorder sink) {
    List<LinuxInputDeviceProbe.Block> blocks;
    try {
      blocks = LinuxInputDeviceProbe.parseBlocks(root.read(LinuxInputDeviceProbe.DEVICES));
    } catch (ProbeException e) {
      failures.add(new ProbeFailure("activity", String.valueOf(e.getMessage())));
      return;
    }
    int started = 0;
    for (LinuxInputDeviceProbe.Block b : blocks) {
      InputDevice d = b.toDevice();
      String node = eventNode(b.get("Handlers"));
      if (node.isEmpty() || (!d.keyboard() && d.pointer() == PointerMode.NONE) || started >= MAX_DEVICES) {
        continue;
      }
      String path = "/dev/input/" + node;
      try {
        InputStream in = Files.newInputStream(root.resolve(path));
        streams.add(in);
        Thread t = new Thread(() -> pump(in, new EvdevDecoder(origin(d.bus()), key(d)), sink, path),
            "telltale-evdev-" + node);
        t.setDaemon(true);
        t.start();
        started++;
      } catch (AccessDeniedException e) {
        failures.add(new ProbeFailure("activity", "permission denied: " + path));
      } catch (IOException e) {
        failures.add(new ProbeFailure("activity", HostRoot.failure(path, e).getMessage()));
      }
    }
    if (started == 0 && failures.isEmpty()) {
      failures.add(new ProbeFailure("activity", "no keyboard or pointer evdev devices"));
    }
  }

  private void pump(InputStream in, EvdevDecoder decoder, ActivityRecorder sink, String path) {
    byte[] buf = new byte[EvdevDecoder.RECORD_BYTES * 64];
    try (in) {
      int filled = 0;
      while (!closed) {
        int n = in.read(buf, filled, buf.length - filled);
        if (n < 0) {
          break;
        }
        filled += n;
        int whole = filled - filled % EvdevDecoder.RECORD_BYTES;
        for (int off = 0; off < whole; off += EvdevDecoder.RECORD_BYTES) {
          for (InputEvent e : decoder.feed(buf, off)) {
            sink.record(e);
          }
        }
        System.arraycopy(buf, whole, buf, 0, filled - whole);
        filled -= whole;
      }
    } catch (IOException | RuntimeException e) {
      if (!closed) {
        LOG.debug("evdev reader for {} stopped", path, e);
        failures.add(new ProbeFailure("activity", "device gone: " + path));
      }
    }
  }

  /** "sysrq kbd event3 leds" → "event3". */
  static String eventNode(String handlers) {
    for (String h : handlers.split("\\s+")) {
      if (h.startsWith("event")) {
        return h;
      }
    }
    return "";
  }

  static Origin origin(InputBus bus) {
    return switch (bus) {
      case USB, BLUETOOTH -> Origin.EXTERNAL;
      case VIRTUAL -> Origin.INJECTED;
      case INTERNAL, UNKNOWN -> Origin.LOCAL;
    };
  }

  private static String key(InputDevice d) {
    return d.vendorId().isEmpty() ? d.name() : d.vendorId() + ":" + d.productId();
  }

  @Override
  public List<ProbeFailure> failures() {
    return new ArrayList<>(failures);
  }

  @Override
  public void close() {
    closed = true;
    for (InputStream in : streams) {
      try {
        in.close();
      } catch (IOException e) {
        LOG.debug("closing an evdev node failed", e);
      }
    }
  }
}
