package io.telltale.collector.review.console;

import io.telltale.collector.review.Clusters;
import io.telltale.collector.review.DeviceSummary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lays out a cluster as a graph for a server-rendered SVG: laptops on an outer ring, the keys they share
 * on an inner ring, an edge from each laptop to each key it was seen with. Pure geometry; the template
 * escapes every label.
 */
final class ClusterPicture {

  static final int SIZE = 760;
  /** Most keys drawn (the most shared first); the table below the picture lists all. */
  static final int MAX_KEYS = 16;

  record Node(String id, String label, boolean flagged, int x, int y, int ly) {}

  record Key(String label, String kind, int x, int y, int rx, int ry, int w, int ty, int ky) {}

  record Edge(int x1, int y1, int x2, int y2) {}

  record Picture(int width, int height, List<Node> devices, List<Key> keys, List<Edge> edges) {}

  private ClusterPicture() {}

  static Picture of(Clusters.ClusterDetail cluster) {
    int c = SIZE / 2;
    List<DeviceSummary> members = cluster.members();
    Map<String, int[]> at = new HashMap<>();
    List<Node> nodes = new ArrayList<>();
    double outer = SIZE * 0.40;
    for (int i = 0; i < members.size(); i++) {
      double a = 2 * Math.PI * i / members.size() - Math.PI / 2;
      int x = c + (int) Math.round(outer * Math.cos(a));
      int y = c + (int) Math.round(outer * Math.sin(a));
      DeviceSummary d = members.get(i);
      at.put(d.id(), new int[] {x, y});
      nodes.add(new Node(d.id(), shorten(d.hostname(), 18), d.flagged(), x, y, y + 30));
    }
    List<Clusters.SharedKey> shared = cluster.sharedKeys().subList(0, Math.min(MAX_KEYS, cluster.sharedKeys().size()));
    List<Key> keys = new ArrayList<>();
    List<Edge> edges = new ArrayList<>();
    double inner = shared.size() == 1 ? 0 : SIZE * 0.18;
    for (int i = 0; i < shared.size(); i++) {
      double a = 2 * Math.PI * i / Math.max(1, shared.size()) - Math.PI / 2 + 0.3;
      int x = c + (int) Math.round(inner * Math.cos(a));
      int y = c + (int) Math.round(inner * Math.sin(a));
      Clusters.SharedKey k = shared.get(i);
      String label = shorten(k.value(), 20);
      int w = Math.max(60, label.length() * 7 + 12);
      for (String id : k.deviceIds()) {
        int[] p = at.get(id);
        if (p != null) {
          edges.add(new Edge(p[0], p[1], x, y));
        }
      }
      keys.add(new Key(label, k.kind().replace('_', ' ').toLowerCase(Locale.ROOT), x, y, x - w / 2, y - 11, w, y + 4,
          y + 24));
    }
    return new Picture(SIZE, SIZE, nodes, keys, edges);
  }

  static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
