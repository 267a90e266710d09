package io.telltale.collector.review.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.telltale.collector.CollectorMain;
import io.telltale.collector.review.JsonText;
import io.telltale.collector.review.ReviewFixture;
import io.telltale.collector.review.Role;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ctl} against a real collector on loopback: tables, --json, and the API's error shape on failure. */
class CtlCommandTest {

  @TempDir static Path dir;
  static ReviewFixture fx;
  static String device;
  static Path ca;

  record Run(int exit, String out, String err) {}

  @BeforeAll
  static void start() throws Exception {
    fx = ReviewFixture.start(dir.resolve("collector"));
    device = fx.addDevice("farm-lap-07", "SER-7", "PiKVM", "bash", "anydesk");
    fx.flag(device, 9, "farm-1", "PiKVM");
    fx.addDevice("quiet-lap", "SER-8", "Keyboard", "bash");
    ca = fx.collector.collector.ca().certificateFile();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  static Run ctl(Role role, String... args) {
    List<String> all = new ArrayList<>(List.of("ctl", "--url", fx.baseUri().toString(), "--token", fx.tokens.get(role),
        "--ca", ca.toString()));
    all.addAll(List.of(args));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = CollectorMain.run(new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void devicesListFlagged_printsATableOfFlaggedDevicesOnly() {
    Run r = ctl(Role.VIEWER, "devices", "list", "--flagged");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("HOST", "farm-lap-07", "flagged", "1 of 1 device(s)").doesNotContain("quiet-lap");
  }

  @Test
  void devicesShow_byHostName_printsEvidence_andJsonIsTheApiBody() throws Exception {
    Run r = ctl(Role.VIEWER, "devices", "show", "farm-lap-07");
    assertThat(r.out()).contains("PiKVM USB gadget attached", "kvm.pikvm_usb", "PiKVM default USB identity");
    Run json = ctl(Role.VIEWER, "--json", "devices", "show", device);
    assertThat(JsonText.MAPPER.readTree(json.out()).path("device").path("hostname").asText()).isEqualTo("farm-lap-07");
  }

  @Test
  void triageSet_asViewer_printsTheApiErrorShape_andExitsOne() throws Exception {
    Run r = ctl(Role.VIEWER, "triage", "set", device, "INVESTIGATING");
    assertThat(r.exit()).isEqualTo(1);
    var err = JsonText.MAPPER.readTree(r.err());
    assertThat(err.path("status").asInt()).isEqualTo(403);
    assertThat(err.path("code").asText()).isEqualTo("forbidden");
  }

  @Test
  void triageSet_asAnalyst_movesTheDevice() {
    Run r = ctl(Role.ANALYST, "triage", "set", device, "investigating", "--assignee", "analyst-user", "--note",
        "KVM on the USB list");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("INVESTIGATING", "analyst-user");
  }

  @Test
  void exportDevices_csv_hasAHeaderAndEveryDevice() {
    Run r = ctl(Role.ANALYST, "export", "devices", "--format", "csv");
    assertThat(r.out()).startsWith("id,hostname,serial").contains("farm-lap-07", "quiet-lap");
  }

  @Test
  void policyValidate_invalidFile_printsFileLineColumn_andExitsOne() throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "name: p\nrules: [\n");
    Run r = ctl(Role.ADMIN, "policy", "validate", bad.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).containsPattern("bad\\.yaml:\\d+:\\d+: ").contains("invalid");
  }

  @Test
  void tokenCreateListRevoke_roundTrip() {
    Run created = ctl(Role.ADMIN, "token", "create", "--name", "siem", "--role", "viewer");
    assertThat(created.exit()).as(created.err()).isZero();
    String secret = created.out().lines().findFirst().orElseThrow();
    assertThat(secret).startsWith("tta_");
    String id = created.out().lines().skip(1).findFirst().orElseThrow().split(" ")[1].replace(",", "");
    assertThat(ctl(Role.ADMIN, "token", "list").out()).contains(id, "siem", "active");
    assertThat(ctl(Role.ADMIN, "token", "revoke", id).exit()).isZero();
    assertThat(ctl(Role.ADMIN, "token", "list").out()).contains("revoked");
  }

  @Test
  void devicesRevoke_byHostName_asksForYes_thenRevokes_andAnalystsAreRefused() throws Exception {
    String id = fx.enrollDevice("ctl-doomed", "SER-CTL");
    Run dry = ctl(Role.ADMIN, "devices", "revoke", "ctl-doomed");
    assertThat(dry.exit()).isEqualTo(1);
    assertThat(dry.err()).contains("would revoke ctl-doomed (" + id + ")", "--yes");
    assertThat(fx.store().devices().find(id).orElseThrow().revoked()).isFalse();

    Run analyst = ctl(Role.ANALYST, "devices", "revoke", "ctl-doomed", "--yes");
    assertThat(analyst.exit()).isEqualTo(1);
    assertThat(JsonText.MAPPER.readTree(analyst.err()).path("status").asInt()).isEqualTo(403);

    Run done = ctl(Role.ADMIN, "devices", "revoke", "ctl-doomed", "--yes");
    assertThat(done.exit()).as(done.err()).isZero();
    assertThat(done.out()).contains("device ctl-doomed (" + id + ") revoked at");
    assertThat(fx.store().devices().find(id).orElseThrow().revoked()).isTrue();

    Run again = ctl(Role.ADMIN, "devices", "revoke", id, "--yes");
    assertThat(again.exit()).isEqualTo(1);
    assertThat(JsonText.MAPPER.readTree(again.err()).path("status").asInt()).isEqualTo(409);
  }

  @Test
  void rosterImport_andAuditExport() throws Exception {
    Path csv = dir.resolve("roster.csv");
    Files.writeString(csv, "employee_id,name,email,country,region,timezone,serials\n"
        + "e7,Jordan Whitfield,jordan@example.com,US,TX,America/Chicago,SER-7\n");
    Run imported = ctl(Role.ADMIN, "roster", "import", csv.toString());
    assertThat(imported.out()).contains("imported 1 employees with 1 laptops");
    Run audit = ctl(Role.ADMIN, "audit", "export", "--format", "csv");
    assertThat(audit.out()).startsWith("id,at,actor,action").contains("roster.import");
  }

  @Test
  void missingToken_isAUsageErrorNamingTheOption() {
    StringWriter err = new StringWriter();
    int exit = CollectorMain.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "ctl", "--url",
        fx.baseUri().toString(), "devices", "list");
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("token: missing");
  }
}
