package io.telltale.agent.probe.macos;

import io.telltale.agent.probe.Failures;
import io.telltale.agent.probe.ProbeException;
import io.telltale.agent.probe.SoftwareFacts.InstalledApp;
import io.telltale.agent.probe.SoftwareFacts.ServiceEntry;
import io.telltale.agent.probe.common.AbstractProbe;
import io.telltale.agent.probe.common.Command;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** macOS services (launchd jobs) and installed applications. */
final class MacosSoftwareProbes {

  private MacosSoftwareProbes() {}

  /**
   * launchd jobs: loaded ones from {@code launchctl list} (a PID means running), plus the labels of the
   * plists in {@code /Library/LaunchDaemons} and {@code /Library/LaunchAgents} (installed to start).
   */
  static final class Services extends AbstractProbe<List<ServiceEntry>> {
    Services() {
      super("software.services");
    }

    @Override
    protected List<ServiceEntry> collect(Failures failures) throws ProbeException {
      TreeMap<String, ServiceEntry> out = new TreeMap<>();
      for (String label : plistLabels(Path.of("/Library/LaunchDaemons"), Path.of("/Library/LaunchAgents"))) {
        out.put(label, new ServiceEntry(label, "", false, true));
      }
      for (ServiceEntry e : parseLaunchctlList(Command.run("launchctl", "list"))) {
        ServiceEntry known = out.get(e.name());
        out.put(e.name(), new ServiceEntry(e.name(), "", e.running(), known != null));
      }
      return new ArrayList<>(out.values());
    }
  }

  /** {@code launchctl list}: "PID Status Label" lines; "-" as PID means loaded, not running. */
  static List<ServiceEntry> parseLaunchctlList(String text) {
    List<ServiceEntry> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      String[] f = line.trim().split("\t");
      if (f.length < 3 || f[0].equals("PID")) {
        continue;
      }
      out.add(new ServiceEntry(f[2].trim(), "", !f[0].trim().equals("-"), false));
    }
    return out;
  }

  private static List<String> plistLabels(Path... dirs) {
    List<String> out = new ArrayList<>();
    for (Path dir : dirs) {
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.plist")) {
        ds.forEach(p -> out.add(p.getFileName().toString().replaceFirst("\\.plist$", "")));
      } catch (IOException e) {
        // Absent or unreadable: launchctl still lists what is loaded.
      }
    }
    return out;
  }

  /**
   * Installed applications: bundles in /Applications (name only: Info.plist files are often binary) and the
   * installer receipts of {@code pkgutil --pkgs} (package ids such as com.teamviewer.teamviewer).
   */
  static final class Apps extends AbstractProbe<List<InstalledApp>> {
    Apps() {
      super("software.installed_apps");
    }

    @Override
    protected List<InstalledApp> collect(Failures failures) throws ProbeException {
      List<InstalledApp> out = new ArrayList<>();
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(Path.of("/Applications"), "*.app")) {
        ds.forEach(p -> out.add(new InstalledApp(p.getFileName().toString().replaceFirst("\\.app$", ""), "", "", "")));
      } catch (IOException e) {
        failures.add(name(), "cannot list /Applications: " + e.getClass().getSimpleName());
      }
      String pkgs = part("receipts", failures, () -> Command.run("pkgutil", "--pkgs"));
      for (String id : pkgs == null ? new String[0] : pkgs.split("\n")) {
        if (!id.isBlank()) {
          out.add(new InstalledApp(id.trim(), "", id.trim(), ""));
        }
      }
      return out;
    }
  }
}
