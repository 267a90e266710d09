package io.telltale.agent.probe.windows;

import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.User32;
import com.sun.jna.platform.win32.WinUser.LASTINPUTINFO;
import io.telltale.agent.probe.Failures;
import io.telltale.agent.probe.ProbeException;
import io.telltale.agent.probe.SessionFacts;
import io.telltale.agent.probe.SessionFacts.Kind;
import io.telltale.agent.probe.SessionFacts.Session;
import io.telltale.agent.probe.common.AbstractProbe;
import io.telltale.agent.probe.common.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sessions from {@code query user} (console vs {@code rdp-tcp#n}), and through User32 (JNA):
 * {@code GetSystemMetrics(SM_REMOTESESSION=0x1000)}, {@code SM_REMOTECONTROL (0x2001)} and
 * {@code GetLastInputInfo} for idle time. The User32 values describe the agent's own session: run as a
 * service (session 0) they say nothing about the user's desktop, so they are only read when the agent runs
 * in an interactive session (untested on real Windows).
 */
final class WindowsSessionProbe extends AbstractProbe<SessionFacts> {

  private static final int SM_REMOTESESSION = 0x1000;
  private static final int SM_REMOTECONTROL = 0x2001;

  WindowsSessionProbe() {
    super("sessions");
  }

  @Override
  protected SessionFacts collect(Failures failures) throws ProbeException {
    List<Session> sessions = parseQueryUser(Command.run("query", "user"));
    boolean[] flags = part("flags", failures, () -> new boolean[] {
        User32.INSTANCE.GetSystemMetrics(SM_REMOTESESSION) != 0, User32.INSTANCE.GetSystemMetrics(SM_REMOTECONTROL) != 0});
    Long idle = part("idle", failures, () -> {
      LASTINPUTINFO info = new LASTINPUTINFO();
      if (!User32.INSTANCE.GetLastInputInfo(info)) {
        throw new ProbeException("GetLastInputInfo failed (not an interactive session)");
      }
      return (Kernel32.INSTANCE.GetTickCount() - (info.dwTime & 0xFFFFFFFFL)) / 1000;
    });
    return new SessionFacts(sessions, flags == null ? null : flags[0], flags == null ? null : flags[1],
        idle == null ? -1 : Math.max(0, idle), null);
  }

  /**
   * {@code query user}: " USERNAME  SESSIONNAME  ID  STATE  IDLE TIME  LOGON TIME" rows; a disconnected session
   * has no session name. Active and disconnected sessions are both listed.
   */
  static List<Session> parseQueryUser(String text) {
    List<Session> out = new ArrayList<>();
    for (String line : text.split("\r?\n")) {
      String t = line.startsWith(">") ? line.substring(1) : line;
      String[] f = t.trim().split("\\s+");
      if (f.length < 3 || f[0].equals("USERNAME")) {
        continue;
      }
      String session = f[1].toLowerCase(Locale.ROOT);
      Kind kind = session.startsWith("rdp-") ? Kind.RDP : session.equals("console") ? Kind.CONSOLE : null;
      if (kind == null) {
        continue; // disconnected (no session name): nobody is attached
      }
      out.add(new Session(kind, f[0], "", "", null));
    }
    return out;
  }
}
