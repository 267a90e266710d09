package io.telltale.agent.probe;

/** Operating system family of a device. */
public enum OsFamily {
  WINDOWS,
  MACOS,
  LINUX,
  UNKNOWN
}
