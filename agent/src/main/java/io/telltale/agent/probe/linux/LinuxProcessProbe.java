package io.telltale.agent.probe.linux;

import io.telltale.agent.probe.Failures;
import io.telltale.agent.probe.HostRoot;
import io.telltale.agent.probe.ProbeException;
import io.telltale.agent.probe.SoftwareFacts.RunningProcess;
import io.telltale.agent.probe.common.AbstractProbe;
import io.telltale.agent.probe.common.ProcessAggregator;
import java.util.List;

/**
 * Running executables from /proc: the name is the executable's file name (or {@code comm} when the link is
 * not readable for another user's process), the path is {@code /proc/PID/exe}. Kernel threads (empty
 * {@code cmdline}) are skipped. Command lines are read only to tell kernel threads apart and never kept.
 */
final class LinuxProcessProbe extends AbstractProbe<List<RunningProcess>> {

  private final HostRoot root;

  LinuxProcessProbe(HostRoot root) {
    super("software.processes");
    this.root = root;
  }

  @Override
  protected List<RunningProcess> collect(Failures failures) throws ProbeException {
    ProcessAggregator agg = new ProcessAggregator();
    for (String pid : root.list("/proc")) {
      if (pid.isEmpty() || !Character.isDigit(pid.charAt(0))) {
        continue;
      }
      String dir = "/proc/" + pid;
      String exe = stripDeleted(root.readLink(dir + "/exe"));
      if (exe.isEmpty() && root.readOr(dir + "/cmdline", "").isEmpty()) {
        continue; // kernel thread, or gone
      }
      String comm = root.readOr(dir + "/comm", "");
      String name = exe.isEmpty() ? comm : exe.substring(exe.lastIndexOf('/') + 1);
      if (!name.isEmpty()) {
        agg.add(name, exe);
      }
    }
    return agg.toList();
  }

  static String stripDeleted(String exe) {
    return exe.endsWith(" (deleted)") ? exe.substring(0, exe.length() - " (deleted)".length()) : exe;
  }
}
