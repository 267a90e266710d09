package io.telltale.agent.probe.macos;

import io.telltale.agent.probe.Failures;
import io.telltale.agent.probe.PowerFacts;
import io.telltale.agent.probe.ProbeException;
import io.telltale.agent.probe.common.AbstractProbe;
import io.telltale.agent.probe.common.Command;
import io.telltale.agent.probe.common.Parse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Power from {@code pmset -g batt} (source and charge), the lid from {@code ioreg -r -k AppleClamshellState
 * -d 4}, and "sleep disabled" from the {@code sleep} value of {@code pmset -g} (0 = never).
 */
final class MacosPowerProbe extends AbstractProbe<PowerFacts> {

  private static final Pattern PERCENT = Pattern.compile("(\\d+)%");
  private static final Pattern SLEEP = Pattern.compile("(?m)^\\s*sleep\\s+(\\d+)");

  MacosPowerProbe() {
    super("power");
  }

  @Override
  protected PowerFacts collect(Failures failures) throws ProbeException {
    String batt = Command.run("pmset", "-g", "batt");
    String clam = part("lid", failures, () -> Command.run("ioreg", "-r", "-k", "AppleClamshellState", "-d", "4"));
    String settings = part("sleep", failures, () -> Command.run("pmset", "-g"));
    PowerFacts p = parseBatt(batt);
    return new PowerFacts(p.hasBattery(), p.onAc(), p.batteryPercent(), clam == null ? null : parseClamshell(clam),
        settings == null ? null : parseSleepDisabled(settings));
  }

  static PowerFacts parseBatt(String text) {
    Boolean onAc = text.contains("'AC Power'") ? Boolean.TRUE : text.contains("'Battery Power'") ? Boolean.FALSE
        : null;
    boolean battery = text.contains("InternalBattery");
    int percent = -1;
    if (battery) {
      Matcher m = PERCENT.matcher(text);
      percent = m.find() ? Parse.toInt(m.group(1), -1) : -1;
    }
    return new PowerFacts(battery, onAc, percent, null, null);
  }

  /** {@code "AppleClamshellState" = Yes} means closed; null when the key is absent (no lid). */
  static @Nullable Boolean parseClamshell(String text) {
    for (Ioreg.Node n : Ioreg.parse(text)) {
      String v = n.props().get("AppleClamshellState");
      if (v != null) {
        return !v.equals("Yes");
      }
    }
    return null;
  }

  static @Nullable Boolean parseSleepDisabled(String text) {
    Matcher m = SLEEP.matcher(text);
    return m.find() ? Parse.toInt(m.group(1), -1) == 0 : null;
  }
}
