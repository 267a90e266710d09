package io.telltale.collector.detect.policy;

import com.google.protobuf.Message;
import io.telltale.collector.detect.Signals;
import io.telltale.collector.detect.policy.input.Agent;
import io.telltale.collector.detect.policy.input.Capture;
import io.telltale.collector.detect.policy.input.Clock;
import io.telltale.collector.detect.policy.input.Cluster;
import io.telltale.collector.detect.policy.input.Continuity;
import io.telltale.collector.detect.policy.input.Device;
import io.telltale.collector.detect.policy.input.Employee;
import io.telltale.collector.detect.policy.input.Geo;
import io.telltale.collector.detect.policy.input.Hours;
import io.telltale.collector.detect.policy.input.Input;
import io.telltale.collector.detect.policy.input.Jiggler;
import io.telltale.collector.detect.policy.input.Kvm;
import io.telltale.collector.detect.policy.input.LocaleInput;
import io.telltale.collector.detect.policy.input.Posture;
import io.telltale.collector.detect.policy.input.RemoteAccess;
import io.telltale.collector.detect.policy.input.Vpn;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place {@link Signals} (domain records) become the CEL input messages. Every CEL variable is
 * built here; no rule ever sees a wire message. Pure; thread-safe.
 */
public final class PolicyInputAdapter {

  /** CEL variable name to its message type: the declarations the compiler type-checks against. */
  static final Map<String, Message> VARIABLES = variables();

  private PolicyInputAdapter() {}

  private static Map<String, Message> variables() {
    Map<String, Message> m = new LinkedHashMap<>();
    m.put("device", Device.getDefaultInstance());
    m.put("employee", Employee.getDefaultInstance());
    m.put("remote", RemoteAccess.getDefaultInstance());
    m.put("input", Input.getDefaultInstance());
    m.put("kvm", Kvm.getDefaultInstance());
    m.put("capture", Capture.getDefaultInstance());
    m.put("jiggler", Jiggler.getDefaultInstance());
    m.put("vpn", Vpn.getDefaultInstance());
    m.put("geo", Geo.getDefaultInstance());
    m.put("clock", Clock.getDefaultInstance());
    m.put("hours", Hours.getDefaultInstance());
    m.put("continuity", Continuity.getDefaultInstance());
    m.put("posture", Posture.getDefaultInstance());
    m.put("agent", Agent.getDefaultInstance());
    m.put("cluster", Cluster.getDefaultInstance());
    m.put("locale", LocaleInput.getDefaultInstance());
    return Map.copyOf(m);
  }

  /** The value of every CEL variable for one device. */
  public static Map<String, Object> toCel(Signals s) {
    Map<String, Object> m = new LinkedHashMap<>();
    Signals.DeviceSig d = s.device();
    m.put("device", Device.newBuilder().setId(d.id()).setHostname(d.hostname()).setSerial(d.serial()).setOs(d.os())
        .setVirtualMachine(d.virtualMachine()).build());
    Signals.EmployeeSig e = s.employee();
    m.put("employee", Employee.newBuilder().setKnown(e.known()).setId(e.id()).setCountry(e.country())
        .setRegion(e.region()).setTimezone(e.timezone()).addAllGroups(e.groups()).build());
    Signals.RemoteSig r = s.remote();
    m.put("remote", RemoteAccess.newBuilder().addAllFamilies(r.families()).setFamilyCount(r.families().size())
        .setDprkNamedCount(r.dprkNamedCount()).setInstalledCount(r.installedCount()).setRunningCount(r.runningCount())
        .setListeningCount(r.listeningCount()).setListening(r.listeningCount() > 0).setSessionNow(r.sessionNow())
        .setSessionHours(r.sessionHours()).addAllApproved(r.approved()).addAllTunnels(r.tunnels())
        .addAllBuiltin(r.builtin()).build());
    Signals.InputSig i = s.input();
    m.put("input", Input.newBuilder().setActiveMinutes(i.activeMinutes()).setLocalShare(i.localShare())
        .setInjectedShare(i.injectedShare()).setExternalShare(i.externalShare()).setJiggleMinutes(i.jiggleMinutes())
        .setJiggleShare(i.jiggleShare()).setExternalFromKvm(i.externalFromKvm())
        .addAllExternalSources(i.externalSources()).build());
    Signals.KvmSig k = s.kvm();
    m.put("kvm", Kvm.newBuilder().setUsbIdentity(k.usbIdentity()).setUsbGadget(k.usbGadget())
        .setUsbStructure(k.usbStructure()).setAbsPointer(k.absPointer()).setStorageInquiry(k.storageInquiry())
        .setUsbNic(k.usbNic()).setEdidDefault(k.edidDefault()).setEdidClone(k.edidClone())
        .setEdidCapture(k.edidCapture()).setDisplayTell(k.displayTell()).setNeighbor(k.neighbor())
        .setNeighborBoard(k.neighborBoard()).setJigglePeriod(k.jigglePeriod()).setEvidenceKinds(k.evidenceKinds())
        .addAllProducts(k.products()).setPresentNow(k.presentNow()).build());
    m.put("capture", Capture.newBuilder().setDevice(s.captureDevice()).build());
    Signals.JigglerSig j = s.jiggler();
    m.put("jiggler", Jiggler.newBuilder().setSoftware(j.software()).addAllTools(j.tools()).setPeriodic(j.periodic())
        .addAllPeriodsSeconds(j.periodsSeconds()).setHardware(j.hardware()).build());
    Signals.VpnSig v = s.vpn();
    m.put("vpn", Vpn.newBuilder().setAstrill(v.astrill()).setClient(v.client()).addAllClients(v.clients())
        .setMesh(v.mesh()).setCorporate(v.corporate()).setExitVpnOrHosting(v.exitVpnOrHosting())
        .setExitShare(v.exitShare()).build());
    Signals.GeoSig g = s.geo();
    m.put("geo", Geo.newBuilder().setIp(g.ip()).setIpKnown(g.ipKnown()).setCountry(g.country()).setRegion(g.region())
        .setAsn(g.asn()).setOrg(g.org()).setKind(g.kind()).setDeclaredNetwork(g.declaredNetwork())
        .setCountryMismatch(g.countryMismatch()).setRegionMismatch(g.regionMismatch())
        .setMismatchShare(g.mismatchShare()).setCountries(g.countries()).build());
    Signals.ClockSig c = s.clock();
    m.put("clock", Clock.newBuilder().setOsTimezone(c.osTimezone()).setOsOffsetMinutes(c.osOffsetMinutes())
        .setMatchesRoster(c.matchesRoster()).setMatchesIp(c.matchesIp()).setSkewSeconds(c.skewSeconds())
        .setSkewKnown(c.skewKnown()).build());
    Signals.HoursSig h = s.hours();
    m.put("hours", Hours.newBuilder().setEvaluated(h.evaluated()).setActiveMinutes(h.activeMinutes())
        .setNightShare(h.nightShare()).setWeekendShare(h.weekendShare()).setOfficeShare(h.officeShare()).build());
    Signals.ContinuitySig ct = s.continuity();
    m.put("continuity", Continuity.newBuilder().setLongestActiveHours(ct.longestActiveHours())
        .setLongestInputHours(ct.longestInputHours()).setOnlineShare(ct.onlineShare())
        .setObservedHours(ct.observedHours()).build());
    Signals.PostureSig p = s.posture();
    m.put("posture", Posture.newBuilder().setOnAc(p.onAc()).setLidClosed(p.lidClosed()).setLidKnown(p.lidKnown())
        .setExternalDisplays(p.externalDisplays()).setActiveExternalDisplays(p.activeExternalDisplays())
        .setHeadless(p.headless()).setLidClosedAcShare(p.lidClosedAcShare()).setLidOpenHours(p.lidOpenHours())
        .setUptimeDays(p.uptimeDays()).setSleepDisabled(p.sleepDisabled()).build());
    m.put("agent", Agent.newBuilder().setSilent(s.agent().silent()).setSilentHours(s.agent().silentHours()).build());
    Signals.ClusterSig cl = s.cluster();
    m.put("cluster", Cluster.newBuilder().setMember(cl.member()).setId(cl.id()).setDevices(cl.devices())
        .setEmployees(cl.employees()).addAllLinkKinds(cl.linkKinds()).setLanLink(cl.lanLink())
        .setHardwareLink(cl.hardwareLink()).setKvmEvidence(cl.kvmEvidence())
        .setMembersWithRemoteTools(cl.membersWithRemoteTools()).build());
    m.put("locale", LocaleInput.newBuilder().setKoreanIme(s.locale().koreanIme())
        .addAllKeyboardLayouts(s.locale().keyboardLayouts()).build());
    return m;
  }
}
