package io.telltale.agent.spool;

/** What a spooled report carries; decides what the spool may drop first when it is full. */
public enum EntryKind {
  /** A complete inventory. Never dropped silently; the newest one is always kept. */
  FULL,
  /** Volatile facts only. The oldest ones are dropped first when the spool is full. */
  HEARTBEAT;

  byte code() {
    return (byte) (this == FULL ? 'F' : 'H');
  }

  static EntryKind fromCode(byte code) {
    return switch (code) {
      case 'F' -> FULL;
      case 'H' -> HEARTBEAT;
      default -> throw new IllegalArgumentException("spool entry kind: " + code + " (expected: 'F' or 'H')");
    };
  }
}
