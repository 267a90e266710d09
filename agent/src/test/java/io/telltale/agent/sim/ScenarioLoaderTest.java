package io.telltale.agent.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ScenarioLoaderTest {

  static String json() throws Exception {
    return new String(ScenarioLoaderTest.class.getResourceAsStream("/scenarios/two-laptops.json").readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void validScenario_loadsDevicesNetworksChangesAndLabels() throws Exception {
    Scenario s = ScenarioLoader.parse("two-laptops.json", json());
    assertThat(s.devices()).extracting(Scenario.Device::hostname).containsExactly("LT-BENIGN", "LT-FARM");
    assertThat(s.networks()).containsKeys("home-a", "farm", "astrill-exit");
    assertThat(s.devices().get(1).changes()).hasSize(2);
    assertThat(s.devices().get(1).changes().get(0).set().setsVpn()).isTrue();
    assertThat(s.labels()).containsEntry("LT-FARM", "farm");
  }

  private static void assertError(String edited, String message) {
    assertThatThrownBy(() -> ScenarioLoader.parse("bad.json", edited))
        .isInstanceOf(ScenarioException.class)
        .hasMessage(message);
  }

  @Test
  void upperCaseUsbId_namesFilePathAndExpectation() throws Exception {
    assertError(json().replace("\"1d6b\"", "\"1D6B\""),
        "bad.json: $.devices[1].usb[0].vendor_id: \"1D6B\" (expected: 4 lower-case hex digits)");
  }

  @Test
  void unknownKey_isAnError() throws Exception {
    assertError(json().replace("\"serial\": \"S2\",", "\"serial\": \"S2\", \"colour\": 1,"),
        "bad.json: $.devices[1].colour: unknown key (expected one of: activity, changes, clock, displays, employee, "
            + "hostname, installed_apps, listening_ports, network, os, power, processes, serial, services, sessions, "
            + "uptime_days, usb, vpn)");
  }

  @Test
  void vpnExitNetworkInAChange_mustNameAnExistingNetwork() throws Exception {
    assertError(json().replace("\"exit_network\": \"astrill-exit\"", "\"exit_network\": \"nowhere\""),
        "bad.json: $.devices[1].changes[0].set.vpn.exit_network: \"nowhere\" (expected: a network id of $.networks)");
  }

  @Test
  void duplicateHostname_pointsAtTheSecondOne() throws Exception {
    assertError(json().replace("\"LT-FARM\",\n      \"serial\"", "\"LT-BENIGN\",\n      \"serial\"")
            .replace("\"LT-FARM\": \"farm\"", "\"LT-BENIGN2\": \"farm\""),
        "bad.json: $.devices[1].hostname: \"LT-BENIGN\" (expected: a hostname unique in the scenario; $.devices[0] has it already)");
  }

  @Test
  void remoteToolSessionWithoutTool_isAnError() throws Exception {
    assertError(json().replaceFirst("\"kind\": \"console\"", "\"kind\": \"remote-tool\""),
        "bad.json: $.devices[0].sessions[0].tool: missing (expected: the product name when kind is remote-tool)");
  }

  @Test
  void nonUtcStart_andUnknownTimeZone_areErrors() throws Exception {
    assertError(json().replace("2025-04-14T00:00:00Z", "2025-04-14T00:00:00+02:00"),
        "bad.json: $.start: \"2025-04-14T00:00:00+02:00\" (expected: an RFC 3339 UTC timestamp, e.g. 2025-04-14T00:00:00Z)");
    assertError(json().replace("\"America/Phoenix\"", "\"Mars/Olympus\""),
        "bad.json: $.devices[1].clock.timezone: \"Mars/Olympus\" (expected: an IANA time zone id, e.g. America/Phoenix)");
  }

  @Test
  void labelForUnknownHost_andOutOfRangeHours_areErrors() throws Exception {
    assertError(json().replace("\"LT-FARM\": \"farm\"", "\"LT-GHOST\": \"farm\""),
        "bad.json: $.labels.LT-GHOST: label for unknown hostname (expected: a hostname of $.devices)");
    assertError(json().replace("\"hours\": 6", "\"hours\": 0"),
        "bad.json: $.hours: 0 (expected: a whole number 1..2160)");
  }

  static Stream<Path> sharedExamples() throws Exception {
    Path dir = SimTestFiles.sharedExamples();
    if (dir == null) {
      return Stream.empty();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("sharedExamples")
  void sharedExampleScenarios_load(Path file) {
    Scenario s = ScenarioLoader.load(file);
    assertThat(s.devices()).isNotEmpty();
  }

  @Test
  void sharedExamplesPresent_orSkipped() {
    assumeTrue(SimTestFiles.sharedExamples() != null, "shared scenario examples not present");
  }
}
