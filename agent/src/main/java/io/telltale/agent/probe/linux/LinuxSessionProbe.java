package io.telltale.agent.probe.linux;

import io.telltale.agent.probe.Failures;
import io.telltale.agent.probe.HostRoot;
import io.telltale.agent.probe.ProbeException;
import io.telltale.agent.probe.SessionFacts;
import io.telltale.agent.probe.SessionFacts.Kind;
import io.telltale.agent.probe.SessionFacts.Session;
import io.telltale.agent.probe.common.AbstractProbe;
import io.telltale.agent.probe.common.Command;
import io.telltale.agent.probe.common.Parse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Open sessions from logind's state files ({@code /run/systemd/sessions/<id>}: TYPE, REMOTE, REMOTE_HOST,
 * SERVICE, USER, REALTIME), and, on a live root, idle and lock state of the active graphical session from
 * {@code loginctl show-session <id> -p IdleHint -p IdleSinceHint -p LockedHint}. Windows-only flags stay
 * unknown. Unknown idle time and lock state get a failure entry ({@code sessions.idle},
 * {@code sessions.screen_locked}) saying why; the platform source drops the idle one when the input recorder
 * supplies the idle time instead.
 */
final class LinuxSessionProbe extends AbstractProbe<SessionFacts> {

  static final String SESSIONS = "/run/systemd/sessions";

  private final HostRoot root;
  private final Clock clock;

  LinuxSessionProbe(HostRoot root, Clock clock) {
    super("sessions");
    this.root = root;
    this.clock = clock;
  }

  @Override
  protected SessionFacts collect(Failures failures) throws ProbeException {
    List<Session> sessions = new ArrayList<>();
    String display = null;
    for (String id : root.list(SESSIONS)) {
      if (id.endsWith(".ref")) {
        continue; // FIFOs
      }
      Map<String, String> kv = parseKeyValues(root.readOr(SESSIONS + "/" + id, ""));
      Session s = toSession(kv);
      if (s != null) {
        sessions.add(s);
        if (display == null && "1".equals(kv.get("ACTIVE")) && isGraphical(kv.getOrDefault("TYPE", ""))) {
          display = id;
        }
      }
    }
    long idle = -1;
    Boolean locked = null;
    @Nullable String idleWhy;
    String lockWhy;
    if (!root.isLive()) {
      idleWhy = lockWhy = "not read for an offline host root";
    } else if (display == null) {
      idleWhy = lockWhy = "no active graphical session in " + SESSIONS;
    } else {
      String id = display;
      Map<String, String> state = part("idle", failures, () -> parseKeyValues(Command.run("loginctl",
          "show-session", id, "-p", "IdleHint", "-p", "IdleSinceHint", "-p", "LockedHint")));
      if (state != null) {
        idle = idleSeconds(state, clock.instant());
        locked = yesNo(state.get("LockedHint"));
      }
      idleWhy = state == null ? null // part() recorded the failure as sessions.idle
          : "logind tells idle time only past the desktop's idle timeout";
      lockWhy = state == null ? "loginctl failed (see sessions.idle)" : "no LockedHint from loginctl";
    }
    if (idle < 0 && idleWhy != null) {
      failures.add(name() + ".idle", idleWhy);
    }
    if (locked == null) {
      failures.add(name() + ".screen_locked", lockWhy);
    }
    return new SessionFacts(sessions, null, null, idle, locked);
  }

  /** KEY=VALUE lines (logind state files, {@code loginctl show-session}); comments skipped. */
  static Map<String, String> parseKeyValues(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0 && !line.startsWith("#")) {
        out.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
      }
    }
    return out;
  }

  /** A user session from a logind state file; null for greeter, lock-screen and background sessions. */
  static @Nullable Session toSession(Map<String, String> kv) {
    String cls = kv.getOrDefault("CLASS", "user");
    if (!cls.equals("user")) {
      return null;
    }
    String service = kv.getOrDefault("SERVICE", "").toLowerCase(Locale.ROOT);
    boolean remote = "1".equals(kv.get("REMOTE"));
    Kind kind;
    if (service.contains("xrdp")) {
      kind = Kind.RDP;
    } else if (service.contains("vnc")) {
      kind = Kind.VNC;
    } else if (remote || service.contains("ssh")) {
      kind = Kind.SSH;
    } else {
      kind = Kind.CONSOLE;
    }
    long realtimeUs = Parse.toLong(kv.get("REALTIME"), 0);
    Instant started = realtimeUs > 0 ? Instant.ofEpochMilli(realtimeUs / 1000) : null;
    return new Session(kind, kv.getOrDefault("USER", ""), "", kv.getOrDefault("REMOTE_HOST", ""), started);
  }

  /** Seconds idle from IdleHint/IdleSinceHint (µs since epoch); -1 when not idle-hinted or unknown. */
  static long idleSeconds(Map<String, String> state, Instant now) {
    if (!Boolean.TRUE.equals(yesNo(state.get("IdleHint")))) {
      return -1; // logind only knows "idle past the desktop's timeout", not the time since the last input
    }
    long sinceUs = Parse.toLong(state.get("IdleSinceHint"), 0);
    return sinceUs <= 0 ? -1 : Math.max(0, now.getEpochSecond() - sinceUs / 1_000_000);
  }

  private static boolean isGraphical(String type) {
    return type.equals("x11") || type.equals("wayland") || type.equals("mir");
  }

  private static @Nullable Boolean yesNo(@Nullable String v) {
    return v == null ? null : v.equals("yes") ? Boolean.TRUE : v.equals("no") ? Boolean.FALSE : null;
  }
}
