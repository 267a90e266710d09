package io.telltale.agent.probe.common;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

/** Converts OS locale and keyboard-layout notations to BCP 47 tags, and zone ids to UTC offsets. */
public final class Locales {

  // XKB layout (and console keymap) names whose language is not simply the layout code.
  private static final Map<String, String> XKB = Map.ofEntries(
      Map.entry("us", "en-US"), Map.entry("gb", "en-GB"), Map.entry("uk", "en-GB"), Map.entry("kr", "ko-KR"),
      Map.entry("jp", "ja-JP"), Map.entry("cn", "zh-CN"), Map.entry("tw", "zh-TW"), Map.entry("de", "de-DE"),
      Map.entry("fr", "fr-FR"), Map.entry("es", "es-ES"), Map.entry("it", "it-IT"), Map.entry("ru", "ru-RU"),
      Map.entry("ua", "uk-UA"), Map.entry("br", "pt-BR"), Map.entry("pt", "pt-PT"), Map.entry("in", "hi-IN"),
      Map.entry("se", "sv-SE"), Map.entry("dk", "da-DK"), Map.entry("no", "nb-NO"), Map.entry("fi", "fi-FI"),
      Map.entry("pl", "pl-PL"), Map.entry("cz", "cs-CZ"), Map.entry("nl", "nl-NL"), Map.entry("ch", "de-CH"),
      Map.entry("ca", "fr-CA"), Map.entry("latam", "es-419"), Map.entry("vn", "vi-VN"), Map.entry("th", "th-TH"),
      Map.entry("il", "he-IL"), Map.entry("ara", "ar"), Map.entry("tr", "tr-TR"), Map.entry("gr", "el-GR"),
      Map.entry("ir", "fa-IR"), Map.entry("kp", "ko-KP"));

  private Locales() {}

  /** "en_US.UTF-8" / "ko_KR" / "C.UTF-8" → "en-US" / "ko-KR" / "" (the C locale says nothing). */
  public static String fromPosix(String posix) {
    String p = posix.trim();
    int cut = p.indexOf('.');
    if (cut >= 0) {
      p = p.substring(0, cut);
    }
    cut = p.indexOf('@');
    if (cut >= 0) {
      p = p.substring(0, cut);
    }
    if (p.isEmpty() || p.equals("C") || p.equals("POSIX")) {
      return "";
    }
    return Locale.forLanguageTag(p.replace('_', '-')).toLanguageTag();
  }

  /** An XKB layout or console keymap ("us", "kr", "de-latin1") as a BCP 47 tag; unknown ones as "und-x-...". */
  public static String fromXkbLayout(String layout) {
    String l = layout.toLowerCase(Locale.ROOT);
    int dash = l.indexOf('-');
    String base = dash > 0 ? l.substring(0, dash) : l;
    String tag = XKB.get(base);
    return tag != null ? tag : "und-x-" + base.replaceAll("[^a-z0-9]", "");
  }

  /** UTC offset of a zone at an instant, in minutes; 0 when the zone is unknown. */
  public static int offsetMinutes(String zone, Instant at) {
    if (zone.isEmpty()) {
      return 0;
    }
    try {
      return ZoneId.of(zone).getRules().getOffset(at).getTotalSeconds() / 60;
    } catch (DateTimeException e) {
      return 0;
    }
  }
}
