package io.telltale.agent.probe.windows;

import com.fasterxml.jackson.databind.JsonNode;
import io.telltale.agent.probe.Failures;
import io.telltale.agent.probe.ProbeException;
import io.telltale.agent.probe.SoftwareFacts.InstalledApp;
import io.telltale.agent.probe.SoftwareFacts.ServiceEntry;
import io.telltale.agent.probe.common.AbstractProbe;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Windows services ({@code Win32_Service}) and installed products (Uninstall registry keys). */
final class WindowsSoftwareProbes {

  static final String SERVICES = "Get-CimInstance Win32_Service | Select-Object Name,DisplayName,State,StartMode "
      + "| ConvertTo-Json";
  static final String APPS = "Get-ItemProperty 'HKLM:\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\*',"
      + "'HKLM:\\Software\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\*',"
      + "'HKCU:\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\*' -ErrorAction SilentlyContinue "
      + "| Where-Object DisplayName | Select-Object DisplayName,DisplayVersion,Publisher | ConvertTo-Json";

  private WindowsSoftwareProbes() {}

  /** Running or automatically started services. */
  static final class Services extends AbstractProbe<List<ServiceEntry>> {
    Services() {
      super("software.services");
    }

    @Override
    protected List<ServiceEntry> collect(Failures failures) throws ProbeException {
      return parseServices(PowerShell.run(SERVICES));
    }
  }

  static List<ServiceEntry> parseServices(String json) throws ProbeException {
    List<ServiceEntry> out = new ArrayList<>();
    for (JsonNode s : PowerShell.array(json)) {
      boolean running = PowerShell.text(s, "State").equals("Running");
      String mode = PowerShell.text(s, "StartMode");
      boolean enabled = mode.equals("Auto") || mode.equals("Boot") || mode.equals("System");
      if (running || enabled) {
        out.add(new ServiceEntry(PowerShell.text(s, "Name"), PowerShell.text(s, "DisplayName"), running, enabled));
      }
    }
    return out;
  }

  /** Products from the machine and user Uninstall keys (32- and 64-bit views). */
  static final class Apps extends AbstractProbe<List<InstalledApp>> {
    Apps() {
      super("software.installed_apps");
    }

    @Override
    protected List<InstalledApp> collect(Failures failures) throws ProbeException {
      return parseApps(PowerShell.run(APPS));
    }
  }

  static List<InstalledApp> parseApps(String json) throws ProbeException {
    LinkedHashSet<InstalledApp> out = new LinkedHashSet<>();
    for (JsonNode a : PowerShell.array(json)) {
      out.add(new InstalledApp(PowerShell.text(a, "DisplayName"), PowerShell.text(a, "DisplayVersion"), "",
          PowerShell.text(a, "Publisher")));
    }
    return new ArrayList<>(out);
  }

  /** {@code Get-WinUserLanguageList | ConvertTo-Json}: the LanguageTag of each input language. */
  static List<String> parseLanguageList(String json) throws ProbeException {
    List<String> out = new ArrayList<>();
    for (JsonNode l : PowerShell.array(json)) {
      String tag = PowerShell.text(l, "LanguageTag");
      if (!tag.isEmpty() && !out.contains(tag)) {
        out.add(tag);
      }
    }
    return out;
  }
}
