package io.telltale.agent;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.telltale.agent.probe.ActivityRecord;
import io.telltale.agent.probe.HostRoot;
import io.telltale.agent.probe.Observations;
import io.telltale.agent.probe.ProbeSource;
import io.telltale.agent.probe.Probes;
import io.telltale.agent.transport.IdentifierHasher;
import io.telltale.agent.transport.ObservationMapper;
import io.telltale.proto.v1.ReportKind;
import io.telltale.proto.v1.ReportRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code collect --once}: observes this machine once and prints, as protobuf JSON on stdout, exactly the
 * FULL {@code ReportRequest} the agent would send now, with the same identifier hashing. Nothing is sent.
 * {@code sequence} is 0 here: the real sequence number is assigned when a report is spooled.
 */
@Command(
    name = "collect",
    description = "Print the report this machine would send now (protobuf JSON on stdout). Sends nothing.")
final class CollectCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--once", required = true, description = "Observe once, print, exit.")
  boolean once;

  @Option(names = "--host-root", paramLabel = "DIR",
      description = "Read /proc, /sys, /etc, /var, /run below DIR instead of / (a mounted Linux image).")
  @Nullable Path hostRoot;

  @Option(names = "--state-dir", paramLabel = "DIR",
      description = "Agent state directory holding the fleet identifier key (identifier.key).")
  @Nullable Path stateDir;

  @Override
  public Integer call() throws IOException, InvalidProtocolBufferException {
    PrintWriter err = spec.commandLine().getErr();
    IdentifierHasher hasher = IdentifierHasher.hashed(identifierKey(err));
    HostRoot root = hostRoot == null ? HostRoot.live() : new HostRoot(hostRoot);
    Instant now = Instant.now();
    ReportRequest.Builder report = ReportRequest.newBuilder()
        .setSequence(0)
        .setKind(ReportKind.REPORT_KIND_FULL)
        .setObservedAtMs(now.toEpochMilli())
        .setAgentVersion(AgentVersion.current());
    long started = System.nanoTime();
    try (ProbeSource source = Probes.forCurrentPlatform(root, Clock.systemUTC())) {
      Observations obs = source.observe(now, true);
      ActivityRecord activity = source.drainActivity(now);
      ObservationMapper.fill(report, obs, activity, hasher);
    }
    err.println("collect: observed in " + (System.nanoTime() - started) / 1_000_000 + " ms, "
        + report.getErrorsCount() + " probe failures (see \"errors\")");
    err.flush();
    PrintWriter out = spec.commandLine().getOut();
    out.println(JsonFormat.printer().print(report));
    out.flush();
    return 0;
  }

  private byte[] identifierKey(PrintWriter err) throws IOException {
    if (stateDir != null) {
      Path file = stateDir.resolve("identifier.key");
      try {
        byte[] key = Files.readAllBytes(file);
        if (key.length == 32) {
          return key;
        }
        err.println("collect: " + file + " holds " + key.length + " bytes (expected: 32); using a random key");
      } catch (NoSuchFileException e) {
        err.println("collect: no fleet identifier key at " + file + " (not enrolled yet)");
      }
    }
    err.println("collect: hashing identifiers with a random per-run key: hashes will not match the fleet's");
    err.flush();
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }
}
