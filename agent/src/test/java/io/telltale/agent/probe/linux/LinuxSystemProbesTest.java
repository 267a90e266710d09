package io.telltale.agent.probe.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.telltale.agent.probe.Failures;
import io.telltale.agent.probe.Fixtures;
import io.telltale.agent.probe.HostRoot;
import io.telltale.agent.probe.LocaleFacts;
import io.telltale.agent.probe.NetworkFacts;
import io.telltale.agent.probe.NetworkFacts.InterfaceKind;
import io.telltale.agent.probe.NetworkFacts.NetworkInterface;
import io.telltale.agent.probe.Observations;
import io.telltale.agent.probe.OsFamily;
import io.telltale.agent.probe.PowerFacts;
import io.telltale.agent.probe.SessionFacts;
import io.telltale.agent.probe.SoftwareFacts.InstalledApp;
import io.telltale.agent.probe.SoftwareFacts.ListeningSocket;
import io.telltale.agent.probe.SoftwareFacts.Protocol;
import io.telltale.agent.probe.SoftwareFacts.RunningProcess;
import io.telltale.agent.probe.SoftwareFacts.ServiceEntry;
import io.telltale.agent.probe.SystemFacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinuxSystemProbesTest {

  private final HostRoot root = Fixtures.linuxHost();
  private final Clock clock = Clock.fixed(Instant.parse("2025-03-04T05:06:07Z"), ZoneOffset.UTC);
  private final Failures failures = new Failures();

  @Test
  void system_identityFromEtcProcAndDmi() {
    SystemFacts s = new LinuxSystemProbe(root).observe(failures);

    assertThat(s.osFamily()).isEqualTo(OsFamily.LINUX);
    assertThat(s.osVersion()).isEqualTo("Debian GNU/Linux 12 (bookworm)");
    assertThat(s.osBuild()).isEqualTo("6.1.0-18-amd64");
    assertThat(s.hostname()).isEqualTo("lt-0042");
    assertThat(s.hardwareSerial()).isEqualTo("PF3ABCDE");
    assertThat(s.hardwareModel()).isEqualTo("20XW0026US (ThinkPad X1 Carbon Gen 9)");
    assertThat(s.uptimeSeconds()).isEqualTo(1_814_523);
    assertThat(s.virtualMachine()).isFalse();
  }

  @Test
  void processes_onePerExecutable_kernelThreadsSkipped_deletedSuffixDropped() {
    List<RunningProcess> p = new LinuxProcessProbe(root).observe(failures);

    assertThat(p).extracting(RunningProcess::name)
        .containsExactly("Xwayland", "anydesk", "avahi-daemon", "sshd", "systemd");
    assertThat(p.get(1).instances()).isEqualTo(2);
    assertThat(p.get(1).path()).isEqualTo("/usr/bin/anydesk");
    assertThat(p.get(0).path()).isEqualTo("/usr/bin/Xwayland");
  }

  @Test
  void listeners_nonLoopbackOnly_withOwningProcess() {
    List<ListeningSocket> l = new LinuxListenerProbe(root).observe(failures);

    assertThat(l).containsExactly(
        new ListeningSocket(7070, Protocol.TCP, "0.0.0.0", "anydesk"),
        new ListeningSocket(22, Protocol.TCP, "::", "sshd"),
        new ListeningSocket(5353, Protocol.UDP, "0.0.0.0", "avahi-daemon"));
  }

  @Test
  void services_enabledFromWantsDirectories() {
    List<ServiceEntry> s = new LinuxServiceProbe(root).observe(failures);

    assertThat(s).extracting(ServiceEntry::name).containsExactly("anydesk.service", "avahi-daemon.socket",
        "chrome-remote-desktop@alice.service", "cron.service", "ssh.service");
    assertThat(s).allMatch(ServiceEntry::enabled);
  }

  @Test
  void packages_installedOnly_maintainerWithoutEmail() {
    List<InstalledApp> apps = new LinuxPackageProbe(root).observe(failures);

    assertThat(apps).containsExactly(
        new InstalledApp("anydesk", "6.3.2", "anydesk", "philandro Software GmbH"),
        new InstalledApp("openssh-server", "1:9.2p1-2+deb12u2", "openssh-server", "Debian OpenSSH Maintainers"));
  }

  @Test
  void network_gatewayMacFromArp_neighbours_kinds_andResolvedUpstreams() {
    NetworkFacts n = new LinuxNetworkProbe(root).observe(failures);

    assertThat(n.gateway()).isEqualTo(new NetworkFacts.Gateway("192.168.1.1", "94:83:c4:12:34:56", "wlp0s20f3"));
    assertThat(n.neighbors()).extracting(NetworkFacts.Neighbor::mac)
        .containsExactly("dc:a6:32:aa:bb:cc", "02:1d:6b:00:01:04");
    Map<String, NetworkInterface> byName =
        n.interfaces().stream().collect(Collectors.toMap(NetworkInterface::name, i -> i));
    assertThat(byName.get("lo").kind()).isEqualTo(InterfaceKind.LOOPBACK);
    assertThat(byName.get("wlp0s20f3").kind()).isEqualTo(InterfaceKind.WIFI);
    assertThat(byName.get("wlp0s20f3").driver()).isEqualTo("iwlwifi");
    assertThat(byName.get("wlp0s20f3").mac()).isEqualTo("3c:22:fb:01:02:03");
    assertThat(byName.get("wlp0s20f3").addresses()).containsExactly("fe80:0:0:0:3e22:fbff:fe01:203/64");
    assertThat(byName.get("usb0").kind()).isEqualTo(InterfaceKind.USB);
    assertThat(byName.get("usb0").driver()).isEqualTo("rndis_host");
    assertThat(byName.get("wg0-mullvad").kind()).isEqualTo(InterfaceKind.TUNNEL);
    assertThat(byName.get("tun0").kind()).isEqualTo(InterfaceKind.TUNNEL);
    assertThat(byName.get("docker0").kind()).isEqualTo(InterfaceKind.VIRTUAL);
    assertThat(n.dnsServers()).containsExactly("192.168.1.1", "2001:db8::1");
    assertThat(n.wifi()).isNull(); // not a live root: nmcli is not consulted
    assertThat(failures.toList()).isEmpty();
  }

  @Test
  void power_laptopOnAcWithLidClosedAndSleepMasked_peripheralBatteryIgnored() {
    PowerFacts p = new LinuxPowerProbe(root).observe(failures);

    assertThat(p).isEqualTo(new PowerFacts(true, true, 100, false, true));
    assertThat(failures.toList()).isEmpty();
  }

  @Test
  void power_vmWithoutSuppliesOrLid_unknownValuesSayWhy(@TempDir Path empty) {
    PowerFacts p = new LinuxPowerProbe(new HostRoot(empty)).observe(failures);

    assertThat(p).isEqualTo(new PowerFacts(false, null, -1, null, null));
    assertThat(failures.toList()).extracting(Observations.ProbeFailure::probe)
        .containsExactly("power.on_ac", "power.lid", "power.sleep_disabled_on_ac");
    assertThat(failures.toList().get(1).reason()).isEqualTo("no ACPI lid switch: /proc/acpi/button/lid");
  }

  @Test
  void sessions_consoleAndSsh_greeterSkipped() {
    SessionFacts s = new LinuxSessionProbe(root, clock).observe(failures);

    assertThat(s.sessions()).extracting(SessionFacts.Session::kind)
        .containsExactly(SessionFacts.Kind.CONSOLE, SessionFacts.Kind.SSH);
    assertThat(s.sessions().get(1).remoteAddress()).isEqualTo("203.0.113.9");
    assertThat(s.sessions().get(0).startedAt()).isEqualTo(Instant.parse("2025-03-03T08:20:00.123Z"));
    assertThat(s.idleSeconds()).isEqualTo(-1);
    assertThat(s.remoteSession()).isNull();
    assertThat(failures.toList()).containsExactly(
        new Observations.ProbeFailure("sessions.idle", "not read for an offline host root"),
        new Observations.ProbeFailure("sessions.screen_locked", "not read for an offline host root"));
  }

  @Test
  void locale_zoneOffsetLangAndKeyboardLayouts() {
    LocaleFacts l = new LinuxLocaleProbe(root, clock).observe(failures);

    assertThat(l).isEqualTo(new LocaleFacts("America/Phoenix", -420, "en-US", List.of("en-US", "ko-KR")));
    assertThat(failures.toList()).isEmpty();
  }

  @Test
  void locale_nothingConfigured_eachUnknownValueSaysWhereItLooked(@TempDir Path empty) throws Exception {
    // As on a minimal Debian image: update-locale wrote only its comment line.
    Files.createDirectories(empty.resolve("etc/default"));
    Files.writeString(empty.resolve("etc/default/locale"), "#  File generated by update-locale\n");

    LocaleFacts l = new LinuxLocaleProbe(new HostRoot(empty), clock).observe(failures);

    assertThat(l).isEqualTo(new LocaleFacts("", 0, "", List.of()));
    assertThat(failures.toList()).extracting(Observations.ProbeFailure::probe)
        .containsExactly("locale.timezone", "locale.locale", "locale.keyboard_layouts");
    assertThat(failures.toList().get(1).reason()).isEqualTo("no LANG in /etc/default/locale or /etc/locale.conf");
  }

  @Test
  void loginctlShowSession_idleAndLocked() {
    // loginctl show-session 2 -p IdleHint -p IdleSinceHint -p LockedHint (systemd 252)
    Map<String, String> kv = LinuxSessionProbe.parseKeyValues(
        "IdleHint=yes\nIdleSinceHint=1741064467000000\nLockedHint=yes\n");

    assertThat(LinuxSessionProbe.idleSeconds(kv, Instant.parse("2025-03-04T05:06:07Z"))).isEqualTo(300);
    assertThat(LinuxSessionProbe.idleSeconds(LinuxSessionProbe.parseKeyValues("IdleHint=no\n"), Instant.EPOCH))
        .isEqualTo(-1);
  }

  @Test
  void nmcliTerse_activeWifiWithEscapedBssid_andVpns() {
    String wifi = Fixtures.text("linux", "nmcli-t-wifi.txt");
    String cons = Fixtures.text("linux", "nmcli-t-connection-active.txt");

    assertThat(LinuxNetParsers.parseNmcliWifi(wifi)).isEqualTo(new NetworkFacts.Wifi("Home:Net", "94:83:c4:12:34:57"));
    assertThat(LinuxNetParsers.parseNmcliVpns(cons)).containsExactly("Mullvad SE", "work-vpn");
  }

  @Test
  void systemctlListUnits_runningServiceNames() {
    assertThat(LinuxServiceProbe.parseRunningUnits(Fixtures.text("linux", "systemctl-list-units-running.txt")))
        .containsExactly("anydesk.service", "cron.service", "ssh.service");
  }
}
