package io.telltale.collector.model;

/** Operating system family of a device. */
public enum OsFamily {
  WINDOWS,
  MACOS,
  LINUX,
  UNKNOWN
}
