package io.telltale.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.JsonFormat;
import io.telltale.agent.config.AgentState;
import io.telltale.agent.config.RemoteConfig;
import io.telltale.agent.config.RemoteConfig.PrivacyMode;
import io.telltale.agent.config.Revocation;
import io.telltale.agent.probe.Fixtures;
import io.telltale.agent.transport.IdentifierHasher;
import io.telltale.proto.v1.ReportKind;
import io.telltale.proto.v1.ReportRequest;
import io.telltale.proto.v1.UsbFunction;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectCommandTest {

  @TempDir Path stateDir;

  private String collect(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      assertThat(AgentMain.run(args)).isZero();
    } finally {
      System.setOut(original);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void collectOnce_withHostRoot_printsTheFullReportOfThatTree_hashedWithTheStateDirKey() throws Exception {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) 9);
    Files.write(stateDir.resolve("identifier.key"), key);

    String json = collect("collect", "--once", "--host-root", Fixtures.linuxHost().path().toString(),
        "--state-dir", stateDir.toString());

    ReportRequest.Builder b = ReportRequest.newBuilder();
    JsonFormat.parser().merge(json, b);
    ReportRequest r = b.build();
    assertThat(r.getKind()).isEqualTo(ReportKind.REPORT_KIND_FULL);
    assertThat(r.getSequence()).isZero();
    assertThat(r.getSystem().getHostname()).isEqualTo("lt-0042");
    assertThat(r.getSoftware().getListenersList()).anyMatch(l -> l.getPort() == 7070);
    assertThat(r.getHardware().getUsbDevicesList()).anyMatch(d -> d.getVendorId().equals("046d")
        && d.getFunctionsList().contains(UsbFunction.USB_FUNCTION_MOUSE_ABSOLUTE));
    assertThat(r.getHardware().getDisplays(0).getMonitorName()).isEqualTo("PiKVM V4 Plus");
    assertThat(r.getNetwork().getGateway().getMac())
        .isEqualTo(IdentifierHasher.hashed(key).network("94:83:c4:12:34:56"));
    assertThat(r.getNetwork().getGateway().getMacOui()).isEqualTo("94:83:c4");
    assertThat(r.getLocale().getTimezone()).isEqualTo("America/Phoenix");
    assertThat(r.getPower().getLid()).isEqualTo(io.telltale.proto.v1.LidState.LID_STATE_CLOSED);
    assertThat(r.getSessions().getSessionsCount()).isEqualTo(2);
    assertThat(r.hasActivity()).isTrue();
    assertThat(r.getErrorsList()).anyMatch(e -> e.getProbe().equals("activity")
        && e.getReason().equals("not recorded for an offline host root"));
    assertThat(r.hasTiming()).isTrue();
    assertThat(r.getErrorsList()).anyMatch(e -> e.getProbe().equals("timing")
        && e.getReason().contains("measured against the collector"));
    assertThat(json).doesNotContain("94:83:c4:12:34:56").doesNotContain("3c:22:fb:01:02:03");
    // Every field is printed, empty ones included, so a reader sees "none" instead of a missing key.
    assertThat(json).contains("\"vpnConnections\": []").contains("\"remoteSession\": \"TRISTATE_UNSPECIFIED\"");
  }

  @Test
  void collectOnce_fleetInPlainMode_printsIdentifiersAsTheAgentSendsThem() throws Exception {
    Files.write(stateDir.resolve("identifier.key"), new byte[32]);
    new AgentState(stateDir).saveRemoteConfig(new RemoteConfig(3, 0, 0, List.of(), PrivacyMode.PLAIN, 0, 0, 0));

    String json = collect("collect", "--once", "--host-root", Fixtures.linuxHost().path().toString(),
        "--state-dir", stateDir.toString());

    assertThat(json).contains("\"mac\": \"94:83:c4:12:34:56\"");
  }

  @Test
  void collectOnce_withoutAFleetKey_hashesUnderARandomKey() throws Exception {
    String first = collect("collect", "--once", "--host-root", Fixtures.linuxHost().path().toString(),
        "--state-dir", stateDir.toString());
    String second = collect("collect", "--once", "--host-root", Fixtures.linuxHost().path().toString(),
        "--state-dir", stateDir.toString());

    assertThat(gatewayMac(first)).startsWith(IdentifierHasher.PREFIX).isNotEqualTo(gatewayMac(second));
  }

  @Test
  void parseSimple_takesOnlyTheFastPathsForms_everythingElseGoesToPicocli() {
    CollectCommand c = CollectCommand.parseSimple("collect", "--state-dir=/s", "--once", "--host-root", "/h");
    assertThat(c).isNotNull();
    assertThat(c.hostRoot).isEqualTo(Path.of("/h"));
    assertThat(c.stateDir).isEqualTo(Path.of("/s"));

    assertThat(CollectCommand.parseSimple("collect")).isNull();
    assertThat(CollectCommand.parseSimple("collect", "--host-root", "/h")).isNull(); // --once missing
    assertThat(CollectCommand.parseSimple("collect", "--once", "--help")).isNull();
    assertThat(CollectCommand.parseSimple("collect", "--once", "--host-root")).isNull();
    assertThat(CollectCommand.parseSimple("collect", "--once", "--once")).isNull();
    assertThat(CollectCommand.parseSimple("run", "--once")).isNull();
  }

  @Test
  void collectOnce_onARevokedDevice_stillPrintsTheReport_andSaysTheAgentSendsNothing() throws Exception {
    new AgentState(stateDir).saveRevocation(new Revocation("dev-1", Instant.parse("2025-04-14T08:00:00Z"),
        "collector.corp:8443", "device revoked"));
    CollectCommand command = CollectCommand.parseSimple("collect", "--once", "--host-root",
        Fixtures.linuxHost().path().toString(), "--state-dir", stateDir.toString());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    assertThat(command.run(new PrintWriter(out), new PrintWriter(err))).isZero();

    assertThat(out.toString()).contains("\"hostname\": \"lt-0042\"");
    assertThat(err.toString()).contains("this device was revoked by the collector collector.corp:8443 at "
        + "2025-04-14T08:00:00Z (it said: \"device revoked\")", "the agent collects and sends nothing",
        "telltale-agent enroll", "it is not sent");
  }

  @Test
  void collectWithoutOnce_isAUsageErrorFromPicocli() {
    assertThat(AgentMain.run("collect")).isEqualTo(2);
  }

  private static String gatewayMac(String json) throws Exception {
    ReportRequest.Builder b = ReportRequest.newBuilder();
    JsonFormat.parser().merge(json, b);
    return b.getNetwork().getGateway().getMac();
  }
}
