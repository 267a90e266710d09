package io.telltale.agent.probe.common;

import io.telltale.agent.probe.Failures;
import io.telltale.agent.probe.ProbeException;
import io.telltale.agent.probe.SoftwareFacts.ListeningSocket;
import io.telltale.agent.probe.SoftwareFacts.Protocol;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import oshi.SystemInfo;
import oshi.software.os.InternetProtocolStats.IPConnection;
import oshi.software.os.InternetProtocolStats.TcpState;
import oshi.software.os.OSProcess;

/**
 * Non-loopback listening sockets with their owning executable through OSHI's connection table
 * ({@code GetExtendedTcpTable}/{@code GetExtendedUdpTable} on Windows, {@code proc_pidfdinfo} on macOS).
 */
public final class OshiListenerProbe extends AbstractProbe<List<ListeningSocket>> {

  private final SystemInfo oshi;

  public OshiListenerProbe(SystemInfo oshi) {
    super("software.listeners");
    this.oshi = oshi;
  }

  @Override
  protected List<ListeningSocket> collect(Failures failures) throws ProbeException {
    Map<Integer, String> names = new HashMap<>();
    Set<ListeningSocket> out = new LinkedHashSet<>();
    for (IPConnection c : oshi.getOperatingSystem().getInternetProtocolStats().getConnections()) {
      boolean tcp = c.getType().startsWith("tcp");
      if ((tcp && c.getState() != TcpState.LISTEN) || (!tcp && c.getForeignPort() != 0) || c.getLocalPort() <= 0) {
        continue;
      }
      String address = address(c.getLocalAddress());
      if (address.isEmpty() || address.startsWith("127.") || address.equals("0:0:0:0:0:0:0:1")) {
        continue;
      }
      String name = names.computeIfAbsent(c.getowningProcessId(), pid -> {
        OSProcess p = oshi.getOperatingSystem().getProcess(pid);
        return p == null ? "" : OshiSystemProbe.clean(p.getName());
      });
      out.add(new ListeningSocket(c.getLocalPort(), tcp ? Protocol.TCP : Protocol.UDP, address, name));
    }
    return List.copyOf(out);
  }

  static String address(byte[] raw) {
    if (raw == null || raw.length == 0) {
      return "0.0.0.0";
    }
    try {
      String a = InetAddress.getByAddress(raw).getHostAddress();
      return a.equals("0:0:0:0:0:0:0:0") ? "::" : a;
    } catch (UnknownHostException e) {
      return "";
    }
  }
}
