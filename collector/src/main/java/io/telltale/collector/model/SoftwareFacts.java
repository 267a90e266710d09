package io.telltale.collector.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** Installed and running software. Empty strings mean unknown or none. */
public record SoftwareFacts(
    List<RunningProcess> processes,
    List<ServiceEntry> services,
    List<InstalledApp> installedApps,
    List<ListeningSocket> listeners) {

  public SoftwareFacts {
    processes = List.copyOf(processes);
    services = List.copyOf(services);
    installedApps = List.copyOf(installedApps);
    listeners = List.copyOf(listeners);
  }

  /** One distinct running executable (name + path), with its instance count. */
  public record RunningProcess(
      String name, String path, String signer, String bundleId, String originalFileName, int instances) {
    public RunningProcess {
      requireNonNull(name, "name");
      requireNonNull(path, "path");
      requireNonNull(signer, "signer");
      requireNonNull(bundleId, "bundleId");
      requireNonNull(originalFileName, "originalFileName");
    }

    public static RunningProcess of(String name, String path) {
      return new RunningProcess(name, path, "", "", "", 1);
    }
  }

  /** A service, launchd job or systemd unit that is enabled or running. */
  public record ServiceEntry(String name, String displayName, boolean running, boolean enabled) {
    public ServiceEntry {
      requireNonNull(name, "name");
      requireNonNull(displayName, "displayName");
    }
  }

  /** An installed application or package; {@code bundleId} is the macOS bundle id or Linux package name. */
  public record InstalledApp(String name, String version, String bundleId, String publisher) {
    public InstalledApp {
      requireNonNull(name, "name");
      requireNonNull(version, "version");
      requireNonNull(bundleId, "bundleId");
      requireNonNull(publisher, "publisher");
    }
  }

  /** Transport protocol of a socket. */
  public enum Protocol {
    TCP,
    UDP
  }

  /** A socket listening on a non-loopback address (canonical, "" when unknown), with the owning executable's name. */
  public record ListeningSocket(int port, Protocol protocol, String address, String process) {
    public ListeningSocket {
      requireNonNull(protocol, "protocol");
      requireNonNull(address, "address");
      requireNonNull(process, "process");
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("port: " + port + " (expected: 1..65535)");
      }
    }
  }
}
