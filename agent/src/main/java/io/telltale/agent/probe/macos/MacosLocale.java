package io.telltale.agent.probe.macos;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Keyboard layouts and input methods of {@code defaults read com.apple.HIToolbox AppleEnabledInputSources}. */
final class MacosLocale {

  private static final Map<String, String> LAYOUTS = Map.ofEntries(
      Map.entry("U.S.", "en-US"), Map.entry("ABC", "en-US"), Map.entry("British", "en-GB"),
      Map.entry("German", "de-DE"), Map.entry("French", "fr-FR"), Map.entry("Spanish", "es-ES"),
      Map.entry("Russian", "ru-RU"), Map.entry("Ukrainian", "uk-UA"), Map.entry("Canadian French - CSA", "fr-CA"));
  private static final Map<String, String> METHODS = Map.of(
      "com.apple.inputmethod.Korean", "ko-KR", "com.apple.inputmethod.Kotoeri", "ja-JP",
      "com.apple.inputmethod.Japanese", "ja-JP", "com.apple.inputmethod.SCIM", "zh-CN",
      "com.apple.inputmethod.TCIM", "zh-TW", "com.apple.inputmethod.VietnameseIM", "vi-VN");

  private MacosLocale() {}

  static List<String> parseInputSources(String text) {
    List<String> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      String t = line.trim();
      String tag = null;
      if (t.startsWith("\"KeyboardLayout Name\" = ")) {
        String name = value(t);
        tag = LAYOUTS.getOrDefault(name, "und-x-" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", ""));
      } else if (t.startsWith("\"Bundle ID\" = ")) {
        tag = METHODS.get(value(t));
      }
      if (tag != null && !out.contains(tag)) {
        out.add(tag);
      }
    }
    return out;
  }

  private static String value(String line) {
    String v = line.substring(line.indexOf('=') + 1).trim();
    if (v.endsWith(";")) {
      v = v.substring(0, v.length() - 1);
    }
    return v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
  }
}
