package io.telltale.agent.probe.linux;

import io.telltale.agent.probe.Failures;
import io.telltale.agent.probe.HostRoot;
import io.telltale.agent.probe.LocaleFacts;
import io.telltale.agent.probe.ProbeException;
import io.telltale.agent.probe.common.AbstractProbe;
import io.telltale.agent.probe.common.Locales;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Time zone ({@code /etc/timezone} or the {@code /etc/localtime} link), display locale
 * ({@code /etc/default/locale} or {@code /etc/locale.conf}) and keyboard layouts ({@code XKBLAYOUT} of
 * {@code /etc/default/keyboard}, or {@code /etc/X11/xorg.conf.d/00-keyboard.conf}, or the console
 * {@code KEYMAP} of {@code /etc/vconsole.conf}). System-wide settings: a user's desktop may override them.
 * A value none of these files gives is unknown, with a failure entry per value saying where it looked.
 */
final class LinuxLocaleProbe extends AbstractProbe<LocaleFacts> {

  private final HostRoot root;
  private final Clock clock;

  LinuxLocaleProbe(HostRoot root, Clock clock) {
    super("locale");
    this.root = root;
    this.clock = clock;
  }

  @Override
  protected LocaleFacts collect(Failures failures) throws ProbeException {
    String zone = root.readOr("/etc/timezone", "");
    if (zone.isEmpty()) {
      zone = zoneFromLink(root.readLink("/etc/localtime"));
    }
    String lang = LinuxSystemProbe.osReleaseValue(root.readOr("/etc/default/locale", ""), "LANG");
    if (lang.isEmpty()) {
      lang = LinuxSystemProbe.osReleaseValue(root.readOr("/etc/locale.conf", ""), "LANG");
    }
    List<String> layouts = new ArrayList<>();
    String xkb = LinuxSystemProbe.osReleaseValue(root.readOr("/etc/default/keyboard", ""), "XKBLAYOUT");
    if (xkb.isEmpty()) {
      xkb = xorgLayout(root.readOr("/etc/X11/xorg.conf.d/00-keyboard.conf", ""));
    }
    if (xkb.isEmpty()) {
      xkb = LinuxSystemProbe.osReleaseValue(root.readOr("/etc/vconsole.conf", ""), "KEYMAP");
    }
    for (String l : xkb.split(",")) {
      if (!l.isBlank()) {
        layouts.add(Locales.fromXkbLayout(l.trim()));
      }
    }
    String locale = Locales.fromPosix(lang);
    if (zone.isEmpty()) {
      failures.add(name() + ".timezone", "no zone in /etc/timezone or the /etc/localtime link");
    }
    if (locale.isEmpty()) {
      failures.add(name() + ".locale", lang.isEmpty() ? "no LANG in /etc/default/locale or /etc/locale.conf"
          : "LANG=" + lang + " names no language");
    }
    if (layouts.isEmpty()) {
      failures.add(name() + ".keyboard_layouts", "no XKBLAYOUT in /etc/default/keyboard or "
          + "/etc/X11/xorg.conf.d/00-keyboard.conf, no KEYMAP in /etc/vconsole.conf");
    }
    return new LocaleFacts(zone, Locales.offsetMinutes(zone, clock.instant()), locale, layouts);
  }

  /** "/usr/share/zoneinfo/America/Phoenix" (or "../usr/share/zoneinfo/...") → "America/Phoenix". */
  static String zoneFromLink(String link) {
    int i = link.indexOf("zoneinfo/");
    return i < 0 ? "" : link.substring(i + "zoneinfo/".length());
  }

  /** {@code Option "XkbLayout" "us,kr"} in an xorg.conf.d snippet. */
  static String xorgLayout(String text) {
    for (String line : text.split("\n")) {
      String t = line.trim();
      if (t.startsWith("Option") && t.contains("\"XkbLayout\"")) {
        String[] q = t.split("\"");
        return q.length >= 4 ? q[3] : "";
      }
    }
    return "";
  }
}
