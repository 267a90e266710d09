package io.telltale.collector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.telltale.agent.sim.Scenario;
import io.telltale.agent.sim.ScenarioLoader;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The demo fleet shipped in the jar is what the issue promised: it loads, has dozens of laptops, every one
 * labelled, at least two farms of different styles and benign look-alikes of what makes farms suspicious.
 */
class DemoFleetTest {

  static String text() throws Exception {
    try (InputStream in = DemoFleetTest.class.getResourceAsStream(Demo.BUILT_IN)) {
      assertThat(in).as(Demo.BUILT_IN).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void demoFleet_loads_withDozensOfLaptops_everyOneLabelled() throws Exception {
    Scenario s = ScenarioLoader.parse("demo-fleet.json", text());
    assertThat(s.devices()).hasSizeGreaterThanOrEqualTo(24);
    assertThat(s.labels()).hasSize(s.devices().size());
    assertThat(s.labels().values()).containsOnly("farm", "benign").contains("farm", "benign");
  }

  @Test
  void demoFleet_hasTwoFarmsOfDifferentStyles_andBenignLookAlikes() throws Exception {
    JsonNode root = new ObjectMapper().readTree(text());
    JsonNode labels = root.path("labels");
    // A farm is the farm-labelled laptops behind one public IP (one house); its style is how they are driven.
    Map<String, Set<String>> styleByHouse = new HashMap<>();
    Map<String, Set<String>> employeesByHouse = new HashMap<>();
    Set<String> lookAlikes = new HashSet<>();
    for (JsonNode d : root.path("devices")) {
      String host = d.path("hostname").asText();
      JsonNode net = root.path("networks").path(d.path("network").asText());
      String ip = net.path("public_ip").asText();
      if (net.path("kind").asText().equals("residential")) {
        employeesByHouse.computeIfAbsent(ip, k -> new HashSet<>()).add(d.path("employee").asText());
      }
      String input = d.path("activity").path("input").asText();
      if (labels.path(host).asText().equals("farm")) {
        styleByHouse.computeIfAbsent(ip, k -> new HashSet<>()).add(input.equals("usb-hid") ? "ip-kvm" : input);
      } else if (input.equals("usb-hid") || !d.path("vpn").isNull()
          || d.path("changes").toString().contains("\"network\"")) {
        lookAlikes.add(host); // an external keyboard, a VPN, or a laptop that moves (travel)
      }
    }
    assertThat(styleByHouse).as("farm houses").hasSizeGreaterThanOrEqualTo(2);
    assertThat(styleByHouse.values().stream().flatMap(Set::stream)).contains("ip-kvm", "remote-tool");
    assertThat(styleByHouse.values()).as("a house driven only through remote-access software, no KVM")
        .anyMatch(styles -> styles.equals(Set.of("remote-tool")));
    // Benign look-alikes: several employees in one home (a couple), and benign laptops with the traits farms have.
    long sharedHomes = employeesByHouse.entrySet().stream()
        .filter(e -> !styleByHouse.containsKey(e.getKey()) && e.getValue().size() >= 2).count();
    assertThat(sharedHomes).as("benign homes of several employees").isGreaterThanOrEqualTo(1);
    assertThat(lookAlikes).as("benign laptops with an external keyboard, a VPN or on the move")
        .hasSizeGreaterThanOrEqualTo(3);
  }
}
