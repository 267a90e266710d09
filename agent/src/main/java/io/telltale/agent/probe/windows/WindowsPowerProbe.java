package io.telltale.agent.probe.windows;

import io.telltale.agent.probe.Failures;
import io.telltale.agent.probe.PowerFacts;
import io.telltale.agent.probe.ProbeException;
import io.telltale.agent.probe.common.AbstractProbe;
import io.telltale.agent.probe.common.Command;
import io.telltale.agent.probe.common.Parse;
import java.util.List;
import org.jspecify.annotations.Nullable;
import oshi.SystemInfo;
import oshi.hardware.PowerSource;

/**
 * Power through OSHI ({@code GetSystemPowerStatus}/battery IOCTLs: battery present, on AC, charge) and the AC
 * sleep timeout of the active scheme from {@code powercfg /query SCHEME_CURRENT SUB_SLEEP STANDBYIDLE}. Windows
 * has no pollable lid state (only a power-setting notification), so the lid stays unknown.
 */
final class WindowsPowerProbe extends AbstractProbe<PowerFacts> {

  private final SystemInfo oshi;

  WindowsPowerProbe(SystemInfo oshi) {
    super("power");
    this.oshi = oshi;
  }

  @Override
  protected PowerFacts collect(Failures failures) throws ProbeException {
    List<PowerSource> sources = oshi.getHardware().getPowerSources();
    boolean battery = !sources.isEmpty();
    Boolean onAc = battery ? sources.get(0).isPowerOnLine() : null;
    int percent = battery ? (int) Math.round(sources.get(0).getRemainingCapacityPercent() * 100) : -1;
    String sleep = part("sleep", failures, () -> Command.run("powercfg", "/query", "SCHEME_CURRENT", "SUB_SLEEP",
        "STANDBYIDLE"));
    return new PowerFacts(battery, onAc, percent, null, sleep == null ? null : parseSleepDisabledOnAc(sleep));
  }

  /** "Current AC Power Setting Index: 0x00000000" (seconds; 0 = never sleep). */
  static @Nullable Boolean parseSleepDisabledOnAc(String text) {
    for (String line : text.split("\r?\n")) {
      String t = line.trim();
      if (t.startsWith("Current AC Power Setting Index:")) {
        return Parse.hexToLong(t.substring(t.indexOf(':') + 1), -1) == 0;
      }
    }
    return null;
  }
}
