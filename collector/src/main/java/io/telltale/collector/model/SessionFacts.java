package io.telltale.collector.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Open sessions and input state. {@code null} booleans mean the OS does not tell; {@code idleSeconds} -1
 * means unknown.
 */
public record SessionFacts(
    List<Session> sessions,
    @Nullable Boolean remoteSession,
    @Nullable Boolean remoteControl,
    long idleSeconds,
    @Nullable Boolean screenLocked) {

  public SessionFacts {
    sessions = List.copyOf(sessions);
  }

  /** How a session reaches the device. */
  public enum Kind {
    CONSOLE,
    RDP,
    SSH,
    VNC,
    SCREEN_SHARING,
    REMOTE_TOOL
  }

  /**
   * An open session; {@code tool} names the product for REMOTE_TOOL; empty strings when unknown.
   * {@code remoteAddress} is an address in the canonical form, or a host name as the OS gave it.
   */
  public record Session(Kind kind, String user, String tool, String remoteAddress, @Nullable Instant startedAt) {
    public Session {
      requireNonNull(kind, "kind");
      requireNonNull(user, "user");
      requireNonNull(tool, "tool");
      requireNonNull(remoteAddress, "remoteAddress");
    }
  }
}
