package io.telltale.collector.detect;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.TreeMap;

/**
 * One concrete observation behind a signal, as an analyst can check it on the laptop: which process,
 * which USB device with its ids and strings, which EDID, which network key.
 *
 * @param signal the signal it supports, as "group.field" of the policy input (e.g. "kvm.usb_identity")
 * @param key stable identity within the device and signal, used to keep first/last-seen history
 * @param summary one line for people ("PiKVM default USB identity 1d6b:0104 'PiKVM' serial CAFEBABE")
 * @param detail structured facts (ids, names, family, catalogue origin), sorted by key
 */
public record Evidence(String signal, String key, String summary, Map<String, String> detail) {

  public Evidence {
    requireNonNull(signal, "signal");
    requireNonNull(key, "key");
    requireNonNull(summary, "summary");
    detail = Map.copyOf(new TreeMap<>(detail));
  }

  public static Evidence of(String signal, String key, String summary, String... keyValues) {
    Map<String, String> d = new TreeMap<>();
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      d.put(keyValues[i], keyValues[i + 1]);
    }
    return new Evidence(signal, key, summary, d);
  }

  /** The signal group ("kvm" of "kvm.usb_identity"). */
  public String group() {
    int dot = signal.indexOf('.');
    return dot < 0 ? signal : signal.substring(0, dot);
  }

  public String detail(String name) {
    return detail.getOrDefault(name, "");
  }
}
