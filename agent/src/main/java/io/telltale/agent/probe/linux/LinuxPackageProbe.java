package io.telltale.agent.probe.linux;

import io.telltale.agent.probe.Failures;
import io.telltale.agent.probe.HostRoot;
import io.telltale.agent.probe.ProbeException;
import io.telltale.agent.probe.SoftwareFacts.InstalledApp;
import io.telltale.agent.probe.common.AbstractProbe;
import java.util.ArrayList;
import java.util.List;

/**
 * Installed packages from the dpkg database ({@code /var/lib/dpkg/status}), plus Flatpak and Snap apps by
 * directory name. RPM databases (Berkeley DB / SQLite) are not read: on RPM systems the failure says so.
 */
final class LinuxPackageProbe extends AbstractProbe<List<InstalledApp>> {

  static final String DPKG_STATUS = "/var/lib/dpkg/status";

  private final HostRoot root;

  LinuxPackageProbe(HostRoot root) {
    super("software.installed_apps");
    this.root = root;
  }

  @Override
  protected List<InstalledApp> collect(Failures failures) throws ProbeException {
    List<InstalledApp> out = new ArrayList<>();
    if (root.exists(DPKG_STATUS)) {
      out.addAll(parseDpkgStatus(root.read(DPKG_STATUS)));
    } else if (root.exists("/var/lib/rpm")) {
      failures.add(name(), "rpm database not supported: /var/lib/rpm");
    } else {
      failures.add(name(), "no package database: " + DPKG_STATUS);
    }
    for (String dir : new String[] {"/var/lib/flatpak/app", "/var/lib/snapd/snaps"}) {
      if (root.exists(dir)) {
        for (String app : root.list(dir)) {
          if (dir.endsWith("snaps") && app.endsWith(".snap")) {
            int us = app.lastIndexOf('_');
            out.add(new InstalledApp(app.substring(0, us < 0 ? app.length() - 5 : us),
                us < 0 ? "" : app.substring(us + 1, app.length() - 5), "snap:" + app, ""));
          } else if (!dir.endsWith("snaps")) {
            out.add(new InstalledApp(app, "", "flatpak:" + app, ""));
          }
        }
      }
    }
    return out;
  }

  /** Packages whose Status is "install ok installed", with version and maintainer (e-mail dropped). */
  static List<InstalledApp> parseDpkgStatus(String text) {
    // A desktop's status file is several MB: scan lines by index, no regex, no per-line arrays.
    List<InstalledApp> out = new ArrayList<>();
    String pkg = "";
    String version = "";
    String maintainer = "";
    boolean installed = false;
    int pos = 0;
    int n = text.length();
    while (pos <= n) {
      int eol = text.indexOf('\n', pos);
      if (eol < 0) {
        eol = n;
      }
      if (eol == pos) { // blank line: end of a stanza
        if (installed && !pkg.isEmpty()) {
          out.add(new InstalledApp(pkg, version, pkg, maintainer));
        }
        pkg = "";
        version = "";
        maintainer = "";
        installed = false;
      } else if (text.startsWith("Package: ", pos)) {
        pkg = text.substring(pos + 9, eol).trim();
      } else if (text.startsWith("Version: ", pos)) {
        version = text.substring(pos + 9, eol).trim();
      } else if (text.startsWith("Maintainer: ", pos)) {
        int lt = text.indexOf('<', pos);
        maintainer = text.substring(pos + 12, lt > 0 && lt < eol ? lt : eol).trim();
      } else if (text.startsWith("Status: ", pos)) {
        String status = text.substring(pos + 8, eol).trim();
        installed = status.endsWith(" installed") && status.contains(" ok ");
      }
      if (eol == n) {
        break;
      }
      pos = eol + 1;
    }
    if (installed && !pkg.isEmpty()) {
      out.add(new InstalledApp(pkg, version, pkg, maintainer));
    }
    return out;
  }
}
