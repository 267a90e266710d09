package io.telltale.collector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.telltale.collector.config.CollectorConfigLoader;
import io.telltale.collector.config.StoreSelector;
import io.telltale.collector.detect.policy.PolicyRegistry;
import io.telltale.collector.model.OsFamily;
import io.telltale.collector.pki.EnrollmentTokens;
import io.telltale.collector.review.JsonText;
import io.telltale.collector.store.AuditEntry;
import io.telltale.collector.store.IssuedCertificate;
import io.telltale.collector.store.NewDevice;
import io.telltale.collector.store.TelemetryStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local commands that change state without the API ({@code token create | revoke}, {@code policy apply},
 * {@code device revoke}) write the audit entries the API would, as {@code local:<OS user>}.
 */
class LocalCommandsAuditTest {

  static final String ACTOR = "local:" + System.getProperty("user.name");

  @TempDir Path dir;
  Path config;

  record Run(int exit, String out, String err) {}

  @BeforeEach
  void writeConfig() throws Exception {
    config = Files.writeString(dir.resolve("collector.yml"), "data_dir: " + dir.resolve("data") + "\n");
  }

  Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = CollectorMain.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(exit, out.toString(), err.toString());
  }

  TelemetryStore store() throws Exception {
    return StoreSelector.open(CollectorConfigLoader.load(config, java.util.Map.of()));
  }

  List<AuditEntry> audit(String action) throws Exception {
    try (TelemetryStore s = store()) {
      return s.audit().list(null, action, null, null, 0, 100);
    }
  }

  @Test
  void tokenCreateAndRevoke_areAuditedAsTheLocalUser() throws Exception {
    Run created = run("token", "create", "--config", config.toString(), "--expires", "1d", "--max-uses", "2");
    assertThat(created.exit()).as(created.err()).isZero();
    String id = created.out().lines().skip(1).findFirst().orElseThrow().split(" ")[1].replace(",", "");
    Run revoked = run("token", "revoke", "--config", config.toString(), id);
    assertThat(revoked.exit()).as(revoked.err()).isZero();
    assertThat(run("token", "revoke", "--config", config.toString(), id).exit()).isEqualTo(1);

    AuditEntry create = audit("enrollment.create").get(0);
    assertThat(create.actor()).isEqualTo(ACTOR);
    assertThat(create.target()).isEqualTo(id);
    assertThat(create.after()).contains("\"maxUses\":2").doesNotContain(created.out().lines().findFirst().get());
    AuditEntry revoke = audit("enrollment.revoke").get(0);
    assertThat(revoke.actor()).isEqualTo(ACTOR);
    assertThat(revoke.target()).isEqualTo(id);
    assertThat(revoke.before()).contains("\"revoked\":false");
    assertThat(revoke.after()).contains("\"revoked\":true");
    assertThat(audit("enrollment.revoke")).hasSize(1); // the refused second revoke changed nothing
  }

  @Test
  void policyApply_isAuditedWithVersionsBeforeAndAfter_andARejectedOneToo() throws Exception {
    Path good = Files.writeString(dir.resolve("policy.yaml"),
        PolicyRegistry.defaultText().replaceFirst("(?m)^flag_threshold: \\d+", "flag_threshold: 77"));
    Run applied = run("policy", "apply", "--config", config.toString(), good.toString());
    assertThat(applied.exit()).isZero();
    AuditEntry e = audit("policy.apply").stream().filter(a -> a.action().equals("policy.apply")).findFirst()
        .orElseThrow();
    assertThat(e.actor()).isEqualTo(ACTOR);
    JsonNode before = JsonText.MAPPER.readTree(e.before());
    JsonNode after = JsonText.MAPPER.readTree(e.after());
    assertThat(after.path("version").asText()).isEqualTo(e.target()).isNotEqualTo(before.path("version").asText());
    assertThat(after.path("file").asText()).isEqualTo(good.toString());

    Path bad = Files.writeString(dir.resolve("bad.yaml"), "rules: [\n");
    assertThat(run("policy", "apply", "--config", config.toString(), bad.toString()).exit()).isEqualTo(1);
    AuditEntry rejected = audit("policy.apply.rejected").get(0);
    assertThat(rejected.actor()).isEqualTo(ACTOR);
    assertThat(JsonText.MAPPER.readTree(rejected.before()).path("version").asText()).isEqualTo(e.target());
  }

  @Test
  void deviceRevoke_asksForYes_thenRevokesAndAudits() throws Exception {
    String id = UUID.randomUUID().toString();
    Instant now = Instant.now();
    try (TelemetryStore s = store()) {
      var token = new EnrollmentTokens(s.tokens(), io.telltale.collector.internal.Clock.SYSTEM)
          .create(Duration.ofHours(1), 1);
      s.devices().enroll(EnrollmentTokens.hash(token.secret()), new NewDevice(id, now, "lap-local", "SER-L",
          OsFamily.LINUX, "0.1.0", new IssuedCertificate("abcd", id, now, now.plus(Duration.ofDays(90)), "00")), now);
    }
    Run dry = run("device", "revoke", "--config", config.toString(), id);
    assertThat(dry.exit()).isEqualTo(1);
    assertThat(dry.err()).contains("would revoke lap-local", "--yes");
    try (TelemetryStore s = store()) {
      assertThat(s.devices().find(id).orElseThrow().revoked()).isFalse();
    }

    Run done = run("device", "revoke", "--config", config.toString(), "--yes", id);
    assertThat(done.exit()).as(done.err()).isZero();
    assertThat(done.out()).contains("lap-local", "revoked");
    try (TelemetryStore s = store()) {
      assertThat(s.devices().find(id).orElseThrow().revoked()).isTrue();
    }
    AuditEntry e = audit("device.revoke").get(0);
    assertThat(e.actor()).isEqualTo(ACTOR);
    assertThat(e.target()).isEqualTo(id);
    assertThat(e.before()).contains("\"revoked\":false", "\"certSerial\":\"abcd\"");
    assertThat(e.after()).contains("\"revoked\":true", "\"revokedAt\"");

    Run again = run("device", "revoke", "--config", config.toString(), "--yes", id);
    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.err()).contains("already revoked");
  }
}
