package io.telltale.collector.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterViewsTest {

  private static final Instant T = Instant.parse("2026-11-30T10:00:00Z");
  private static final NetworkKey GATEWAY = new NetworkKey(NetworkKey.GATEWAY_MAC, "hmac:gw1");
  private static final NetworkKey EDID = new NetworkKey(NetworkKey.EDID, "PKV:1234:0");

  /** Devices d00..d(n-1), all sharing one gateway; d00 and d01 also one cloned EDID. */
  private static Correlator.Component farm(int n) {
    List<String> members = new ArrayList<>();
    Map<String, List<Link>> links = new HashMap<>();
    for (int i = 0; i < n; i++) {
      members.add(String.format("d%02d", i));
      links.put(members.get(i), new ArrayList<>());
    }
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        Link l = Link.of(members.get(i), members.get(j), GATEWAY, T, T);
        links.get(members.get(i)).add(l);
        links.get(members.get(j)).add(l);
      }
    }
    Link edid = Link.of("d00", "d01", EDID, T, T);
    links.get("d00").add(edid);
    links.get("d01").add(edid);
    return new Correlator.Component(members, links);
  }

  private static ClusterView viewOf(Correlator.Component c, String device) {
    ClusterViews.Summary s = ClusterViews.summarize(c, d -> List.of(), d -> "emp-" + d, d -> "HOST-" + d);
    return ClusterViews.of(s, device, d -> "emp-" + d, d -> "HOST-" + d);
  }

  @Test
  void oneEvidenceItemPerSharedKey_namingTheOthers() {
    ClusterView v = viewOf(farm(4), "d00");
    assertThat(v.employees()).isEqualTo(4);
    assertThat(v.linkKinds()).containsExactlyInAnyOrder(NetworkKey.GATEWAY_MAC, NetworkKey.EDID);
    assertThat(v.evidence()).extracting(Evidence::signal)
        .containsExactly("cluster.lan_link", "cluster.hardware_link", "cluster.employees");
    Evidence gateway = v.evidence().get(0);
    assertThat(gateway.summary())
        .isEqualTo("shares " + GATEWAY.label() + " with HOST-d01 (emp-d01), HOST-d02 (emp-d02), HOST-d03 (emp-d03)");
    assertThat(gateway.detail("devices")).isEqualTo("3");
    assertThat(gateway.detail("other_devices")).isEqualTo("d01,d02,d03");
    assertThat(gateway.detail("other_employees")).isEqualTo("emp-d01,emp-d02,emp-d03");
    assertThat(v.evidence().get(1).detail("other_hostnames")).isEqualTo("HOST-d01");
  }

  @Test
  void aLargeFarm_namesADozenInTheSummary_andEveryoneInTheDetail() {
    ClusterView v = viewOf(farm(40), "d05");
    assertThat(v.evidence()).hasSize(2); // the gateway, the member list
    Evidence gateway = v.evidence().get(0);
    assertThat(gateway.summary()).endsWith(" and 27 more");
    assertThat(gateway.detail("devices")).isEqualTo("39");
    assertThat(gateway.detail("other_devices").split(",")).hasSize(39).doesNotContain("d05");
  }

  @Test
  void everyMemberSeesTheSameSummary() {
    Correlator.Component c = farm(5);
    assertThat(viewOf(c, "d00").evidence().get(2)).isEqualTo(viewOf(c, "d04").evidence().get(1));
    assertThat(viewOf(c, "d03").id()).isEqualTo(viewOf(c, "d01").id());
  }
}
