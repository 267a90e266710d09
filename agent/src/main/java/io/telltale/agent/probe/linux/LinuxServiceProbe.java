package io.telltale.agent.probe.linux;

import io.telltale.agent.probe.Failures;
import io.telltale.agent.probe.HostRoot;
import io.telltale.agent.probe.ProbeException;
import io.telltale.agent.probe.SoftwareFacts.ServiceEntry;
import io.telltale.agent.probe.common.AbstractProbe;
import io.telltale.agent.probe.common.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * systemd units: enabled ones from the {@code *.wants} directories under {@code /etc/systemd/system} and
 * {@code /etc/systemd/user} (templates such as {@code chrome-remote-desktop@alice.service} included), running
 * ones from {@code systemctl list-units --type=service --state=running} on a live root.
 */
final class LinuxServiceProbe extends AbstractProbe<List<ServiceEntry>> {

  private static final String[] WANTS_ROOTS = {"/etc/systemd/system", "/etc/systemd/user"};

  private final HostRoot root;

  LinuxServiceProbe(HostRoot root) {
    super("software.services");
    this.root = root;
  }

  @Override
  protected List<ServiceEntry> collect(Failures failures) throws ProbeException {
    Set<String> enabled = new TreeSet<>();
    for (String base : WANTS_ROOTS) {
      if (!root.exists(base)) {
        continue;
      }
      for (String dir : root.list(base)) {
        if (dir.endsWith(".wants")) {
          for (String unit : root.list(base + "/" + dir)) {
            if (unit.endsWith(".service") || unit.endsWith(".socket") || unit.endsWith(".timer")) {
              enabled.add(unit);
            }
          }
        }
      }
    }
    List<String> r = null;
    if (root.isLive() && !root.exists("/run/systemd/system")) {
      // sd_booted(): without it systemctl can only fail, and spawning it costs more than the rest of the probe.
      failures.add(name() + ".running", "systemd is not running (no /run/systemd/system)");
    } else if (root.isLive()) {
      r = part("running", failures, () -> parseRunningUnits(Command.run("systemctl", "list-units",
          "--type=service", "--state=running", "--no-legend", "--plain", "--no-pager")));
    }
    Set<String> running = r == null ? Set.of() : Set.copyOf(r);
    TreeMap<String, ServiceEntry> out = new TreeMap<>();
    enabled.forEach(u -> out.put(u, new ServiceEntry(u, "", running.contains(u), true)));
    running.forEach(u -> out.putIfAbsent(u, new ServiceEntry(u, "", true, false)));
    return new ArrayList<>(out.values());
  }

  /** First column of {@code systemctl list-units --no-legend --plain}. */
  static List<String> parseRunningUnits(String text) {
    List<String> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      String t = line.trim();
      if (t.startsWith("●") || t.startsWith("*")) {
        t = t.substring(1).trim();
      }
      int sp = t.indexOf(' ');
      String unit = sp < 0 ? t : t.substring(0, sp);
      if (unit.endsWith(".service")) {
        out.add(unit);
      }
    }
    return out;
  }
}
