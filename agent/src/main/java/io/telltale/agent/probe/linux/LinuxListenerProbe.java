package io.telltale.agent.probe.linux;

import io.telltale.agent.probe.Failures;
import io.telltale.agent.probe.HostRoot;
import io.telltale.agent.probe.ProbeException;
import io.telltale.agent.probe.SoftwareFacts.ListeningSocket;
import io.telltale.agent.probe.SoftwareFacts.Protocol;
import io.telltale.agent.probe.common.AbstractProbe;
import io.telltale.agent.probe.common.Parse;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sockets listening on non-loopback addresses from {@code /proc/net/tcp}, {@code tcp6}, {@code udp},
 * {@code udp6} (TCP state LISTEN; unconnected UDP), with the owning executable found through the socket
 * inode in {@code /proc/<pid>/fd} (other users' processes need root; their listeners are reported without
 * a process name).
 */
final class LinuxListenerProbe extends AbstractProbe<List<ListeningSocket>> {

  /** One socket line. */
  record Socket(Protocol protocol, String address, int port, long inode) {}

  private final HostRoot root;

  LinuxListenerProbe(HostRoot root) {
    super("software.listeners");
    this.root = root;
  }

  @Override
  protected List<ListeningSocket> collect(Failures failures) throws ProbeException {
    List<Socket> sockets = new ArrayList<>();
    sockets.addAll(parseProcNet(root.read("/proc/net/tcp"), Protocol.TCP));
    sockets.addAll(parseProcNet(root.readOr("/proc/net/tcp6", ""), Protocol.TCP));
    sockets.addAll(parseProcNet(root.readOr("/proc/net/udp", ""), Protocol.UDP));
    sockets.addAll(parseProcNet(root.readOr("/proc/net/udp6", ""), Protocol.UDP));
    Set<Long> inodes = new java.util.HashSet<>();
    sockets.forEach(s -> inodes.add(s.inode()));
    Map<Long, String> owners = sockets.isEmpty() ? Map.of() : socketOwners(inodes);
    // Deduplicated by a string key rather than a Set of records: a record's first hashCode() bootstraps
    // method handles, which cost more than this whole probe in a one-shot `collect --once`.
    Map<String, ListeningSocket> out = new LinkedHashMap<>();
    for (Socket s : sockets) {
      String owner = owners.getOrDefault(s.inode(), "");
      out.putIfAbsent(s.port() + "/" + s.protocol() + "/" + s.address() + "/" + owner,
          new ListeningSocket(s.port(), s.protocol(), s.address(), owner));
    }
    return List.copyOf(out.values());
  }

  /** Listening (TCP state 0A) or unconnected-UDP (state 07, remote port 0) sockets not bound to loopback. */
  static List<Socket> parseProcNet(String text, Protocol protocol) {
    List<Socket> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f.length < 10 || !f[0].endsWith(":")) {
        continue;
      }
      String state = f[3];
      boolean listening = protocol == Protocol.TCP ? state.equals("0A")
          : state.equals("07") && f[2].endsWith(":0000");
      int colon = f[1].lastIndexOf(':');
      if (!listening || colon < 0) {
        continue;
      }
      String address = address(f[1].substring(0, colon));
      int port = Parse.hexToInt(f[1].substring(colon + 1), 0);
      if (port > 0 && !address.isEmpty() && !isLoopback(address)) {
        out.add(new Socket(protocol, address, port, Parse.toLong(f[9], 0)));
      }
    }
    return out;
  }

  /** Kernel hex (32-bit words in host byte order, little-endian here) → textual IPv4/IPv6. */
  static String address(String hex) {
    if (hex.length() == 8) {
      return LinuxNetParsers.ipv4LittleEndian(hex);
    }
    if (hex.length() != 32) {
      return "";
    }
    byte[] raw = HexFormat.of().parseHex(hex);
    byte[] b = new byte[16];
    for (int w = 0; w < 4; w++) {
      for (int k = 0; k < 4; k++) {
        b[w * 4 + k] = raw[w * 4 + 3 - k];
      }
    }
    try {
      String a = InetAddress.getByAddress(b).getHostAddress();
      return a.equals("0:0:0:0:0:0:0:0") ? "::" : a;
    } catch (UnknownHostException e) {
      return "";
    }
  }

  static boolean isLoopback(String address) {
    return address.startsWith("127.") || address.equals("0:0:0:0:0:0:0:1") || address.startsWith("::ffff:127.");
  }

  /** socket inode → executable name, from /proc/<pid>/fd links "socket:[inode]". */
  private Map<Long, String> socketOwners(Set<Long> wanted) {
    Map<Long, String> out = new HashMap<>();
    List<String> pids;
    try {
      pids = root.list("/proc");
    } catch (ProbeException e) {
      return out;
    }
    for (String pid : pids) {
      if (pid.isEmpty() || !Character.isDigit(pid.charAt(0))) {
        continue;
      }
      List<String> fds;
      try {
        fds = root.list("/proc/" + pid + "/fd");
      } catch (ProbeException e) {
        continue; // another user's process without root: its sockets stay unattributed
      }
      String name = null;
      for (String fd : fds) {
        String link = root.readLink("/proc/" + pid + "/fd/" + fd);
        if (link.startsWith("socket:[")) {
          if (name == null) {
            String exe = LinuxProcessProbe.stripDeleted(root.readLink("/proc/" + pid + "/exe"));
            name = exe.isEmpty() ? root.readOr("/proc/" + pid + "/comm", "") : LinuxUsbProbe.baseName(exe);
          }
          long inode = Parse.toLong(link.substring(8), 0);
          if (wanted.contains(inode)) {
            out.putIfAbsent(inode, name);
          }
        }
      }
      if (out.size() == wanted.size()) {
        break; // every listener attributed: skip the remaining processes
      }
    }
    return out;
  }
}
