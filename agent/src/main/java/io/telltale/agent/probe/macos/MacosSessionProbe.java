package io.telltale.agent.probe.macos;

import io.telltale.agent.probe.Failures;
import io.telltale.agent.probe.ProbeException;
import io.telltale.agent.probe.SessionFacts;
import io.telltale.agent.probe.SessionFacts.Kind;
import io.telltale.agent.probe.SessionFacts.Session;
import io.telltale.agent.probe.common.AbstractProbe;
import io.telltale.agent.probe.common.Command;
import java.util.ArrayList;
import java.util.List;

/**
 * Sessions from {@code who} (console and SSH/tty logins with their remote host), Apple Screen Sharing from a
 * running {@code screensharingd}, and idle time from {@code HIDIdleTime} ({@code ioreg -c IOHIDSystem}).
 */
final class MacosSessionProbe extends AbstractProbe<SessionFacts> {

  MacosSessionProbe() {
    super("sessions");
  }

  @Override
  protected SessionFacts collect(Failures failures) throws ProbeException {
    List<Session> sessions = parseWho(Command.run("who"));
    boolean sharing = ProcessHandle.allProcesses().anyMatch(p -> p.info().command()
        .map(c -> c.endsWith("/screensharingd")).orElse(false));
    if (sharing) {
      sessions.add(new Session(Kind.SCREEN_SHARING, "", "", "", null));
    }
    String hid = part("idle", failures, () -> Command.run("ioreg", "-c", "IOHIDSystem", "-d", "4", "-r", "-k",
        "HIDIdleTime"));
    return new SessionFacts(sessions, null, null, hid == null ? -1 : parseIdleSeconds(hid), null);
  }

  /** {@code who}: "alice console Mar  4 05:00", "alice ttys001 Mar  4 05:01 (203.0.113.9)". */
  static List<Session> parseWho(String text) {
    List<Session> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f.length < 2) {
        continue;
      }
      int open = line.lastIndexOf('(');
      String host = open >= 0 && line.endsWith(")") ? line.substring(open + 1, line.length() - 1) : "";
      Kind kind = f[1].equals("console") ? Kind.CONSOLE : host.isEmpty() ? Kind.CONSOLE : Kind.SSH;
      if (f[1].equals("console") || !host.isEmpty()) {
        out.add(new Session(kind, f[0], "", host, null));
      }
    }
    return out;
  }

  /** {@code "HIDIdleTime" = 1234567890} (nanoseconds) → seconds; -1 when absent. */
  static long parseIdleSeconds(String text) {
    for (Ioreg.Node n : Ioreg.parse(text)) {
      long ns = n.number("HIDIdleTime", -1);
      if (ns >= 0) {
        return ns / 1_000_000_000L;
      }
    }
    return -1;
  }
}
