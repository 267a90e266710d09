package io.telltale.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The revocation marker of the state directory: round trip, fail-closed reading, lifted by enrollment. */
class AgentStateRevocationTest {

  @TempDir Path dir;

  private final Revocation revocation =
      new Revocation("dev-1", Instant.parse("2025-04-14T08:00:00Z"), "collector.corp:8443", "device revoked: left");

  @Test
  void savedRevocation_readsBackAsSaved_andLeavesNoTemporaryFile() throws Exception {
    AgentState state = new AgentState(dir);
    assertThat(state.revocation()).isEmpty();

    state.saveRevocation(revocation);

    assertThat(state.revocation()).contains(revocation);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("revoked.properties");
    }
  }

  @Test
  void damagedMarker_stillMeansRevoked_atTheFilesTime() throws Exception {
    AgentState state = new AgentState(dir);
    Files.write(state.revocationFile(), new byte[] {(byte) 0xff, (byte) 0xfe, 'x'}); // not UTF-8, no keys
    Instant mtime = Instant.parse("2025-05-01T10:00:00Z");
    Files.setLastModifiedTime(state.revocationFile(), FileTime.from(mtime));

    assertThat(state.revocation()).hasValueSatisfying(r -> {
      assertThat(r.at()).isEqualTo(mtime);
      assertThat(r.reason()).isEqualTo("unknown");
    });
  }

  @Test
  void enrollment_liftsTheRevocation() throws Exception {
    AgentState state = new AgentState(dir);
    state.saveRevocation(revocation);

    state.saveEnrollment("dev-2", "key", "cert", "ca", new byte[0], RemoteConfig.NONE);

    assertThat(state.revocation()).isEmpty();
    assertThat(state.deviceId()).isEqualTo("dev-2");
  }

  @Test
  void deleteSpool_removesQueuedRejectedAndQuarantinedReports() throws Exception {
    AgentState state = new AgentState(dir);
    assertThat(state.deleteSpool()).as("no spool yet").isFalse();
    Files.createDirectories(state.spoolDir().resolve("rejected"));
    Files.writeString(state.spoolDir().resolve("spool.tape"), "reports", StandardCharsets.UTF_8);
    Files.writeString(state.spoolDir().resolve("spool.tape.corrupt-1"), "reports", StandardCharsets.UTF_8);
    Files.writeString(state.spoolDir().resolve("rejected").resolve("3.pb"), "report", StandardCharsets.UTF_8);

    assertThat(state.deleteSpool()).isTrue();

    assertThat(state.spoolDir()).doesNotExist();
    assertThat(dir).exists();
  }
}
