package io.telltale.collector.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.telltale.collector.store.AuditEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every analyst and administrator action leaves an audit entry with who, what, before and after. */
class AuditTrailTest {

  @TempDir static Path dir;
  static ReviewFixture fx;
  static String device;
  static final Principal ADMIN = new Principal("admin-user", Role.ADMIN, Principal.Via.SESSION, "c", "192.0.2.7");
  static final Principal ANALYST = new Principal("analyst-user", Role.ANALYST, Principal.Via.SESSION, "c", "192.0.2.8");

  @BeforeAll
  static void start() throws Exception {
    fx = ReviewFixture.start(dir);
    device = fx.addDevice("lap-200", "SER-200", "Keyboard", "bash");
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  static AuditEntry last(String actor) {
    return fx.review().audit().list(ADMIN, actor, null, null, null, 0, 1).get(0);
  }

  @Test
  void triageChange_recordsStateBeforeAndAfter_withActorAndAddress() {
    fx.review().triage().set(ANALYST, device, TriageState.INVESTIGATING, "analyst-user", null);
    AuditEntry e = last("analyst-user");
    assertThat(e.action()).isEqualTo("triage.set");
    assertThat(e.target()).isEqualTo(device);
    assertThat(e.before()).contains("\"state\":\"NEW\"");
    assertThat(e.after()).contains("\"state\":\"INVESTIGATING\"", "\"assignee\":\"analyst-user\"");
    assertThat(e.sourceIp()).isEqualTo("192.0.2.8");
  }

  @Test
  void everyAction_isAudited() {
    var review = fx.review();
    review.triage().addNote(ANALYST, device, "USB list shows a PiKVM");
    review.policies().validate(ADMIN, "rules: []\n");
    review.policies().test(ADMIN, "rules: []\n");
    review.policies().apply(ADMIN, "name: x\nrules: []\n");
    var token = review.apiTokens().create(ADMIN, "ci", Role.VIEWER, null);
    review.apiTokens().revoke(ADMIN, token.token().id());
    review.users().create(ADMIN, "carol", Role.VIEWER, null);
    review.users().update(ADMIN, "carol", Role.ANALYST, null, null);
    review.roster().importCsv(ADMIN, "employee_id,name,email,country,region,timezone,serials\ne1,A,a@x.io,US,TX,"
        + "America/Chicago,SER-200\n");
    var enrollment = review.enrollment().create(ADMIN, Duration.ofDays(1), 3);
    review.enrollment().revoke(ADMIN, enrollment.token().id());
    review.export().export(ANALYST, DeviceFilter.ALL, "csv");
    review.audit().export(ADMIN, null, null, "json");
    List<String> actions = review.audit().list(ADMIN, null, null, null, null, 0, 100).stream()
        .map(AuditEntry::action).toList();
    assertThat(actions).contains("note.add", "policy.validate", "policy.test", "policy.apply", "apitoken.create",
        "apitoken.revoke", "user.create", "user.update", "roster.import", "enrollment.create", "enrollment.revoke",
        "export.devices", "audit.export");
    AuditEntry role = review.audit().list(ADMIN, "admin-user", "user.update", null, null, 0, 1).get(0);
    assertThat(role.before()).contains("\"role\":\"viewer\"").doesNotContain("argon2");
    assertThat(role.after()).contains("\"role\":\"analyst\"");
  }

  @Test
  void failedPolicyApply_isAuditedAsRejected_andChangesNothing() {
    String before = fx.review().policies().current(ADMIN).version();
    assertThatThrownBy(() -> fx.review().policies().apply(ADMIN, "rules: [\n"))
        .isInstanceOf(ReviewException.class);
    assertThat(fx.review().policies().current(ADMIN).version()).isEqualTo(before);
    assertThat(last("admin-user").action()).isEqualTo("policy.apply.rejected");
  }

  @Test
  void auditLog_isReadableByAdminsOnly() {
    assertThatThrownBy(() -> fx.review().audit().list(ANALYST, null, null, null, null, 0, 10))
        .isInstanceOfSatisfying(ReviewException.class, e -> assertThat(e.kind()).isEqualTo(ReviewException.Kind.FORBIDDEN));
  }
}
