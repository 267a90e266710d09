package io.telltale.agent.probe.common;

import io.telltale.agent.probe.Failures;
import io.telltale.agent.probe.LocaleFacts;
import io.telltale.agent.probe.ProbeException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * Time zone and display locale as the JVM read them from the OS at start (Windows zone names are mapped to
 * IANA ids by the JDK), plus the OS's keyboard layouts from a per-OS acquisition.
 */
public final class JvmLocaleProbe extends AbstractProbe<LocaleFacts> {

  private final Clock clock;
  private final Acquisition<List<String>> layouts;

  public JvmLocaleProbe(Clock clock, Acquisition<List<String>> layouts) {
    super("locale");
    this.clock = clock;
    this.layouts = layouts;
  }

  @Override
  protected LocaleFacts collect(Failures failures) throws ProbeException {
    String zone = ZoneId.systemDefault().getId();
    List<String> kb = part("keyboard_layouts", failures, layouts);
    return new LocaleFacts(zone, Locales.offsetMinutes(zone, clock.instant()), Locale.getDefault().toLanguageTag(),
        kb == null ? List.of() : kb);
  }
}
