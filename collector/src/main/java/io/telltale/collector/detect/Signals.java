package io.telltale.collector.detect;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The signal model of one device at one moment: what every policy rule is written against. Field meanings
 * are documented in {@code collector/docs/SIGNALS.md} and mirror {@code policy_input.proto} one to one.
 * {@link #evidence()} holds the concrete observations behind the fields, each tagged with the
 * "group.field" it supports.
 */
public record Signals(
    DeviceSig device,
    EmployeeSig employee,
    RemoteSig remote,
    InputSig input,
    KvmSig kvm,
    boolean captureDevice,
    JigglerSig jiggler,
    VpnSig vpn,
    GeoSig geo,
    ClockSig clock,
    HoursSig hours,
    ContinuitySig continuity,
    PostureSig posture,
    AgentSig agent,
    ClusterSig cluster,
    LocaleSig locale,
    List<Evidence> evidence) {

  public Signals {
    requireNonNull(device, "device");
    evidence = List.copyOf(evidence);
  }

  public record DeviceSig(String id, String hostname, String serial, String os, boolean virtualMachine) {}

  public record EmployeeSig(boolean known, String id, String country, String region, String timezone,
      List<String> groups) {
    public EmployeeSig {
      groups = List.copyOf(groups);
    }
  }

  public record RemoteSig(List<String> families, int dprkNamedCount, int installedCount, int runningCount,
      int listeningCount, boolean sessionNow, int sessionHours, List<String> approved, List<String> tunnels,
      List<String> builtin) {
    public RemoteSig {
      families = List.copyOf(families);
      approved = List.copyOf(approved);
      tunnels = List.copyOf(tunnels);
      builtin = List.copyOf(builtin);
    }
  }

  public record InputSig(int activeMinutes, double localShare, double injectedShare, double externalShare,
      int jiggleMinutes, double jiggleShare, boolean externalFromKvm, List<String> externalSources) {
    public InputSig {
      externalSources = List.copyOf(externalSources);
    }
  }

  public record KvmSig(boolean usbIdentity, boolean usbGadget, boolean usbStructure, boolean absPointer,
      boolean storageInquiry, boolean usbNic, boolean edidDefault, boolean edidClone, boolean edidCapture,
      boolean displayTell, boolean neighbor, boolean neighborBoard, boolean jigglePeriod, int evidenceKinds,
      List<String> products, boolean presentNow) {
    public KvmSig {
      products = List.copyOf(products);
    }
  }

  public record JigglerSig(boolean software, List<String> tools, boolean periodic, List<Integer> periodsSeconds,
      boolean hardware) {
    public JigglerSig {
      tools = List.copyOf(tools);
      periodsSeconds = List.copyOf(periodsSeconds);
    }
  }

  public record VpnSig(boolean astrill, boolean client, List<String> clients, boolean mesh, boolean corporate,
      boolean exitVpnOrHosting, double exitShare) {
    public VpnSig {
      clients = List.copyOf(clients);
    }
  }

  public record GeoSig(String ip, boolean ipKnown, String country, String region, long asn, String org, String kind,
      boolean declaredNetwork, boolean countryMismatch, boolean regionMismatch, double mismatchShare,
      int countries) {}

  public record ClockSig(String osTimezone, int osOffsetMinutes, boolean matchesRoster, boolean matchesIp,
      long skewSeconds, boolean skewKnown) {}

  public record HoursSig(boolean evaluated, int activeMinutes, double nightShare, double weekendShare,
      double officeShare) {}

  public record ContinuitySig(int longestActiveHours, int longestInputHours, double onlineShare, int observedHours) {}

  public record PostureSig(boolean onAc, boolean lidClosed, boolean lidKnown, int externalDisplays,
      int activeExternalDisplays, boolean headless, double lidClosedAcShare, int lidOpenHours, double uptimeDays,
      boolean sleepDisabled) {}

  public record AgentSig(boolean silent, double silentHours) {}

  public record ClusterSig(boolean member, String id, int devices, int employees, List<String> linkKinds,
      boolean lanLink, boolean hardwareLink, boolean kvmEvidence, int membersWithRemoteTools) {
    public ClusterSig {
      linkKinds = List.copyOf(linkKinds);
    }
  }

  public record LocaleSig(boolean koreanIme, List<String> keyboardLayouts) {
    public LocaleSig {
      keyboardLayouts = List.copyOf(keyboardLayouts);
    }
  }
}
