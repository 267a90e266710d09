package io.telltale.collector.detect;

import io.telltale.collector.detect.geo.AddressScope;
import io.telltale.collector.detect.geo.IpInfo;
import io.telltale.collector.detect.geo.IpIntel;
import io.telltale.collector.detect.geo.IpKind;
import io.telltale.collector.model.DeviceReport;
import io.telltale.collector.model.HardwareFacts;
import io.telltale.collector.model.NetworkFacts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Fleet correlation (INDICATORS 8, 11.1, 11.2). Each report's shareable keys are indexed; a key another
 * employee's device was seen with inside the window becomes a {@link Link}; a cluster is the connected
 * component of a device over active links whose key was never seen at a company network or shared venue.
 * Incremental: a report costs one index lookup per key, never a fleet scan. Thread-safe.
 *
 * <p>Keys: the public IP (only when IP intelligence calls it residential or does not know it: mobile
 * carriers, VPN exits, hotels and offices put strangers behind one address; and only when it can be a public
 * address at all, see {@link #canBePublic}), the gateway MAC and the BSSID
 * (unless seen while the public IP was a company or business network), an external display's EDID identity
 * (cloned monitors; KVM firmware defaults excluded since every unit of a model shares them), and a LAN
 * neighbour that is a KVM. SSIDs never link: "HomeNet-5G" is in many houses.
 */
public final class Correlator {

  private static final Set<String> KVM_DEFAULT_EDID = Set.of("kvm.edid_default");

  private final DetectionRepository repo;
  public Correlator(DetectionRepository repo) {
    this.repo = repo;
  }

  /** The shareable keys a report shows, and which of them it proves to be at a venue. */
  public Keys keys(DeviceReport r, EvidenceExtractor.Extraction x, IpIntel intel) {
    List<NetworkKey> keys = new ArrayList<>();
    Set<NetworkKey> venue = new LinkedHashSet<>();
    Optional<IpInfo> info = r.publicIp().isEmpty() ? Optional.empty() : intel.lookup(r.publicIp());
    IpKind kind = info.map(IpInfo::kind).orElse(IpKind.UNKNOWN);
    boolean atVenue = kind == IpKind.CORPORATE || kind == IpKind.BUSINESS;
    if (canBePublic(r.publicIp(), info.isPresent())) {
      NetworkKey ip = new NetworkKey(NetworkKey.PUBLIC_IP, r.publicIp());
      keys.add(ip);
      if (kind.sharedVenue()) {
        venue.add(ip);
      }
    }
    List<NetworkKey> local = new ArrayList<>();
    NetworkFacts net = r.network();
    if (net != null) {
      if (net.gateway() != null && !net.gateway().mac().isEmpty()) {
        local.add(new NetworkKey(NetworkKey.GATEWAY_MAC, net.gateway().mac()));
      }
      if (net.wifi() != null && !net.wifi().bssid().isEmpty()) {
        local.add(new NetworkKey(NetworkKey.BSSID, net.wifi().bssid()));
      }
    }
    for (Evidence e : x.evidence()) {
      if (e.signal().equals("kvm.neighbor") && !e.detail("mac").isEmpty()) {
        local.add(new NetworkKey(NetworkKey.KVM_NEIGHBOR, e.detail("mac")));
      }
    }
    HardwareFacts hw = r.hardware();
    if (hw != null) {
      Set<String> defaults = new TreeSet<>();
      for (Evidence e : x.evidence()) {
        if (KVM_DEFAULT_EDID.contains(e.signal())) {
          defaults.add(e.detail("edid"));
        }
      }
      for (HardwareFacts.Display d : hw.displays()) {
        boolean identified = d.serialNumber() != 0 || !d.serialString().isEmpty();
        String ident = d.manufacturerId() + ":" + d.productCode() + ":" + d.serialNumber()
            + (d.serialString().isEmpty() ? "" : ":" + d.serialString());
        if (!d.internal() && identified && !defaults.contains(ident)) {
          local.add(new NetworkKey(NetworkKey.EDID, ident));
        }
      }
    }
    keys.addAll(local);
    if (atVenue) {
      venue.addAll(local);
    }
    return new Keys(keys, venue);
  }

  /**
   * Whether a reported public IP can be one, and so link devices: a routable address, or a documentation
   * address IP intelligence knows (simulations and tests use those). Never a private, loopback, link-local or
   * carrier-grade NAT address: a laptop behind a broken proxy reports one, and strangers share them everywhere.
   */
  static boolean canBePublic(String ip, boolean knownToIntel) {
    return switch (AddressScope.of(ip)) {
      case PUBLIC -> true;
      case DOCUMENTATION -> knownToIntel;
      case NOT_PUBLIC -> false;
    };
  }

  /** The links a device's keys make with other employees' devices seen inside the window. */
  public List<Link> linksFor(String deviceId, List<NetworkKey> keys, Instant seenAt, Duration window,
      Function<String, String> personOf) {
    List<Link> out = new ArrayList<>();
    String me = personOf.apply(deviceId);
    for (NetworkKey k : keys) {
      for (KeySighting s : repo.sharing(k, seenAt.minus(window), seenAt.plus(window))) {
        if (s.deviceId().equals(deviceId) || personOf.apply(s.deviceId()).equals(me)) {
          continue;
        }
        Instant first = s.firstSeen().isBefore(seenAt) ? s.firstSeen() : seenAt;
        Instant last = s.lastSeen().isAfter(seenAt) ? s.lastSeen() : seenAt;
        out.add(Link.of(deviceId, s.deviceId(), k, first, last));
      }
    }
    return out;
  }

  /**
   * The cluster a device belongs to at {@code now}, or null. Walks active, non-venue links breadth-first;
   * {@code personOf} names the employee (or the device itself when not on the roster).
   */
  public @Nullable Component component(String deviceId, Instant now, Duration window) {
    Instant since = now.minus(window);
    Map<String, List<Link>> seen = new TreeMap<>();
    Deque<String> queue = new ArrayDeque<>();
    queue.add(deviceId);
    while (!queue.isEmpty() && seen.size() < 10_000) {
      String d = queue.poll();
      if (seen.containsKey(d)) {
        continue;
      }
      List<Link> active = usable(repo.links(d, since));
      seen.put(d, active);
      for (Link l : active) {
        if (!seen.containsKey(l.other(d))) {
          queue.add(l.other(d));
        }
      }
    }
    if (seen.size() < 2) {
      return null;
    }
    return new Component(List.copyOf(seen.keySet()), seen);
  }

  private List<Link> usable(List<Link> links) {
    if (links.isEmpty()) {
      return links;
    }
    Set<NetworkKey> venue = repo.venues(links.stream().map(Link::key).toList());
    return links.stream().filter(l -> !venue.contains(l.key())).toList();
  }

  /** Members of a cluster (sorted device ids) and each member's usable links. */
  public record Component(List<String> members, Map<String, List<Link>> links) {

    /** Deterministic id: the same members give the same id whatever order they joined in. */
    public String id() {
      try {
        byte[] h = MessageDigest.getInstance("SHA-256").digest(members.get(0).getBytes(StandardCharsets.UTF_8));
        return "c-" + HexFormat.of().formatHex(h, 0, 5);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** Keys of one report, and the subset seen at a company network or shared venue. */
  public record Keys(List<NetworkKey> all, Set<NetworkKey> venue) {}
}
