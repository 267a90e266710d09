package io.telltale.agent.probe;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** Time zone, display locale and keyboard layouts of the OS. Empty strings mean unknown. */
public record LocaleFacts(String timezone, int utcOffsetMinutes, String locale, List<String> keyboardLayouts) {
  public LocaleFacts {
    requireNonNull(timezone, "timezone");
    requireNonNull(locale, "locale");
    keyboardLayouts = List.copyOf(keyboardLayouts);
  }
}
