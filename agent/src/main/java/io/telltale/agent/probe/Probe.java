package io.telltale.agent.probe;

import org.jspecify.annotations.Nullable;

/**
 * One kind of fact observed on the device, e.g. "hardware.usb" or "network". Implementations keep the OS
 * acquisition (a command, a file, an OSHI or JNA call) in thin {@code query...()} methods and the
 * interpretation in pure package-private {@code parse...()} functions.
 *
 * <p>Contract: {@link #observe} never throws. What it cannot observe is reported to {@code failures} with a
 * short reason ("permission denied: /dev/input/event3", "command not found: nmcli") and comes back as
 * {@code null} (nothing observed) or as a partial value. May block for the duration of a command (bounded by
 * its timeout). Not thread-safe unless stated.
 *
 * @param <T> the observed value
 */
public interface Probe<T> {

  /** Name used in failures, e.g. "hardware.usb". */
  String name();

  /** Observes now; null when nothing could be observed (the reason is in {@code failures}). */
  @Nullable T observe(Failures failures);
}
