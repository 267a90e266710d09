package io.telltale.collector.review;

import static java.util.Objects.requireNonNull;

import io.telltale.collector.store.Sighting;
import io.telltale.collector.store.TelemetryStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Fleet clusters: devices that detection put together, with the network and hardware keys they share
 * (the picture analysts check a farm against). Readable by every role. Thread-safe; blocks on the store.
 */
public final class Clusters {

  /** A cluster in the list. */
  public record ClusterSummary(String id, int devices, int flagged, int maxScore, List<String> linkKinds) {}

  /**
   * A key shared by two or more members.
   *
   * @param kind sighting kind in lower case, e.g. "gateway_mac", "bssid", "edid_serial"
   */
  public record SharedKey(String kind, String value, List<String> deviceIds) {
    public SharedKey {
      deviceIds = List.copyOf(deviceIds);
    }
  }

  /** One cluster with its members and what links them. */
  public record ClusterDetail(String id, List<DeviceSummary> members, List<SharedKey> sharedKeys) {
    public ClusterDetail {
      members = List.copyOf(members);
      sharedKeys = List.copyOf(sharedKeys);
    }
  }

  private final TelemetryStore store;
  private final DeviceSearch search;

  public Clusters(TelemetryStore store, DeviceSearch search) {
    this.store = requireNonNull(store, "store");
    this.search = requireNonNull(search, "search");
  }

  /** Clusters, largest highest-scoring first. */
  public List<ClusterSummary> list(Principal who) {
    who.require(Role.VIEWER);
    Map<String, List<DeviceSummary>> byCluster = search.summaries().stream().filter(d -> d.clusterId() != null)
        .collect(Collectors.groupingBy(DeviceSummary::clusterId, TreeMap::new, Collectors.toList()));
    List<ClusterSummary> out = new ArrayList<>();
    byCluster.forEach((id, members) -> out.add(new ClusterSummary(id, members.size(),
        (int) members.stream().filter(DeviceSummary::flagged).count(),
        members.stream().mapToInt(DeviceSummary::score).max().orElse(0),
        sharedKeys(members).stream().map(SharedKey::kind).distinct().sorted().toList())));
    out.sort(Comparator.comparingInt(ClusterSummary::maxScore).reversed()
        .thenComparing(Comparator.comparingInt(ClusterSummary::devices).reversed()).thenComparing(ClusterSummary::id));
    return out;
  }

  public ClusterDetail get(Principal who, String id) {
    who.require(Role.VIEWER);
    List<DeviceSummary> members = search.summaries().stream().filter(d -> id.equals(d.clusterId()))
        .sorted(Comparator.comparing(DeviceSummary::hostname)).toList();
    if (members.isEmpty()) {
      throw ReviewException.notFound("cluster", id);
    }
    return new ClusterDetail(id, members, sharedKeys(members));
  }

  /** Keys (kind, value) seen on two or more of {@code members}, most shared first. */
  List<SharedKey> sharedKeys(List<DeviceSummary> members) {
    Map<String, TreeSet<String>> devicesByKey = new TreeMap<>();
    for (DeviceSummary d : members) {
      for (Sighting s : store.queries().sightingsOf(d.id())) {
        devicesByKey.computeIfAbsent(s.kind().name().toLowerCase(Locale.ROOT) + "\u0000" + s.value(),
            k -> new TreeSet<>()).add(d.id());
      }
    }
    List<SharedKey> out = new ArrayList<>();
    devicesByKey.forEach((key, ids) -> {
      if (ids.size() >= 2) {
        int sep = key.indexOf('\u0000');
        out.add(new SharedKey(key.substring(0, sep), key.substring(sep + 1), List.copyOf(ids)));
      }
    });
    out.sort(Comparator.comparingInt((SharedKey k) -> k.deviceIds().size()).reversed()
        .thenComparing(SharedKey::kind).thenComparing(SharedKey::value));
    return out;
  }
}
