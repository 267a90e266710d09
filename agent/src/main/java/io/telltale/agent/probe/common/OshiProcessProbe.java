package io.telltale.agent.probe.common;

import io.telltale.agent.probe.Failures;
import io.telltale.agent.probe.ProbeException;
import io.telltale.agent.probe.SoftwareFacts.RunningProcess;
import java.util.List;
import oshi.SystemInfo;
import oshi.software.os.OSProcess;

/**
 * Running executables through OSHI's process list (Windows, macOS). Signer, bundle id and PE original file
 * name are added by the per-OS enrichers when available; this probe gives name and path.
 */
public final class OshiProcessProbe extends AbstractProbe<List<RunningProcess>> {

  private final SystemInfo oshi;

  public OshiProcessProbe(SystemInfo oshi) {
    super("software.processes");
    this.oshi = oshi;
  }

  @Override
  protected List<RunningProcess> collect(Failures failures) throws ProbeException {
    ProcessAggregator agg = new ProcessAggregator();
    for (OSProcess p : oshi.getOperatingSystem().getProcesses()) {
      String name = OshiSystemProbe.clean(p.getName());
      if (!name.isEmpty()) {
        agg.add(name, OshiSystemProbe.clean(p.getPath()));
      }
    }
    return agg.toList();
  }
}
