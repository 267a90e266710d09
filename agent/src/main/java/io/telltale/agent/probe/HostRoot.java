package io.telltale.agent.probe;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The file-system root that Linux probes read {@code /proc}, {@code /sys}, {@code /etc}, {@code /var} and
 * {@code /dev} from: {@code /} on a live machine, a directory holding a fixture tree in tests, or a mounted
 * disk image for offline analysis ({@code collect --once --host-root DIR}). Paths are given as the host
 * sees them ("/proc/net/arp") and reported that way in failures. Reads block on the file system.
 */
public record HostRoot(Path path) {

  // Sysfs/procfs files are small; anything bigger is not what we expect and is cut.
  private static final int MAX_FILE_BYTES = 4 << 20;

  public HostRoot {
    requireNonNull(path, "path");
  }

  /** The running machine's own root. */
  public static HostRoot live() {
    return new HostRoot(Path.of("/"));
  }

  /** True when this is the running machine (so live-only sources such as evdev or commands apply). */
  public boolean isLive() {
    return path.toAbsolutePath().normalize().getParent() == null;
  }

  /** The local path of a host path such as "/proc/net/arp". */
  public Path resolve(String hostPath) {
    String rel = hostPath.startsWith("/") ? hostPath.substring(1) : hostPath;
    return rel.isEmpty() ? path : path.resolve(rel);
  }

  /** True when the host path exists (following links). */
  public boolean exists(String hostPath) {
    return Files.exists(resolve(hostPath));
  }

  /** The file's text (UTF-8, malformed bytes replaced). */
  public String read(String hostPath) throws ProbeException {
    return new String(readBytes(hostPath), StandardCharsets.UTF_8);
  }

  /** The file's text trimmed, or {@code fallback} when it cannot be read. */
  public String readOr(String hostPath, String fallback) {
    try {
      return read(hostPath).trim();
    } catch (ProbeException e) {
      return fallback;
    }
  }

  /** The file's bytes (at most 4 MiB). */
  public byte[] readBytes(String hostPath) throws ProbeException {
    try (var in = Files.newInputStream(resolve(hostPath))) {
      return in.readNBytes(MAX_FILE_BYTES);
    } catch (IOException e) {
      throw failure(hostPath, e);
    }
  }

  /** Names of the entries of a directory, sorted. */
  public List<String> list(String hostDir) throws ProbeException {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(resolve(hostDir))) {
      ds.forEach(p -> names.add(p.getFileName().toString()));
    } catch (IOException e) {
      throw failure(hostDir, e);
    }
    names.sort(null);
    return names;
  }

  /** The target of a symbolic link as stored (relative or absolute), or "" when not a link. */
  public String readLink(String hostPath) {
    try {
      return Files.readSymbolicLink(resolve(hostPath)).toString();
    } catch (IOException | UnsupportedOperationException e) {
      return "";
    }
  }

  /** Maps an I/O error to the short reason a report carries. */
  public static ProbeException failure(String hostPath, IOException e) {
    if (e instanceof NoSuchFileException) {
      return new ProbeException("not found: " + hostPath, e);
    }
    if (e instanceof AccessDeniedException) {
      return new ProbeException("permission denied: " + hostPath, e);
    }
    return new ProbeException("cannot read " + hostPath + ": " + e.getClass().getSimpleName(), e);
  }
}
