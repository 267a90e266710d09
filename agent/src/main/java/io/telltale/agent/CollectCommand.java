package io.telltale.agent;

import com.google.protobuf.DynamicMessage;
import com.google.protobuf.util.JsonFormat;
import io.telltale.agent.config.AgentConfigLoader;
import io.telltale.agent.config.AgentState;
import io.telltale.agent.config.RemoteConfig.PrivacyMode;
import io.telltale.agent.internal.NamedThreadFactory;
import io.telltale.agent.probe.ActivityRecord;
import io.telltale.agent.probe.HostRoot;
import io.telltale.agent.probe.Observations;
import io.telltale.agent.probe.ProbeSource;
import io.telltale.agent.probe.Probes;
import io.telltale.agent.transport.IdentifierHasher;
import io.telltale.agent.transport.ObservationMapper;
import io.telltale.proto.v1.ReportKind;
import io.telltale.proto.v1.ProbeError;
import io.telltale.proto.v1.ReportRequest;
import io.telltale.proto.v1.Timing;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code collect --once}: observes this machine once and prints, as protobuf JSON on stdout, the FULL
 * {@code ReportRequest} the agent would send now. Nothing is sent. Every probe runs, even those the fleet's
 * configuration switched off. Network identifiers are treated as the agent treats them: under the fleet's
 * privacy mode and key from the state directory ({@code --state-dir}, else the agent's default) when this user
 * can read them, otherwise hashed under a random key of this run (stderr says which). {@code sequence} is 0:
 * the real sequence number is assigned when a report is spooled. On a device the collector revoked, stderr says
 * so: the agent sends nothing there, but this command still shows what a report would hold.
 *
 * <p>Start-up dominates this command (about 1.5 s of CPU before this change, most of it class loading), so
 * JSON printing is prepared on a second thread while the probes run.
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
      description = "Agent state directory holding the fleet identifier key (identifier.key) and the fleet's "
          + "privacy mode; default: the agent's own.")
  @Nullable Path stateDir;

  @Override
  public Integer call() throws Exception {
    return run(spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  /**
   * The command without picocli, for {@link AgentMain}'s fast path: {@code collect --once} with only
   * {@code --host-root DIR} and {@code --state-dir DIR} (also as {@code --opt=DIR}), in any order. Anything
   * else, help and mistakes included, returns null and goes through picocli.
   */
  static @Nullable CollectCommand parseSimple(String... args) {
    if (args.length < 2 || !args[0].equals("collect")) {
      return null;
    }
    CollectCommand c = new CollectCommand();
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      int eq = a.indexOf('=');
      String name = eq < 0 ? a : a.substring(0, eq);
      if (name.equals("--once") && eq < 0 && !c.once) {
        c.once = true;
        continue;
      }
      String value = eq >= 0 ? a.substring(eq + 1) : i + 1 < args.length ? args[++i] : "";
      if (value.isEmpty() || value.startsWith("-")) {
        return null;
      }
      if (name.equals("--host-root") && c.hostRoot == null) {
        c.hostRoot = Path.of(value);
      } else if (name.equals("--state-dir") && c.stateDir == null) {
        c.stateDir = Path.of(value);
      } else {
        return null;
      }
    }
    return c.once ? c : null;
  }

  /** Observes, prints the report to {@code out} and notes to {@code err}; returns the exit code. */
  int run(PrintWriter out, PrintWriter err) throws Exception {
    ExecutorService helper = Executors.newSingleThreadExecutor(new NamedThreadFactory("telltale-collect", true));
    Future<Prepared> prepared;
    try {
      // Descriptors, JsonFormat, Gson and the JCE: about a third of the command's CPU, none of it needed
      // until the observations are mapped.
      Path dir = stateDir != null ? stateDir : AgentConfigLoader.fromSystem().defaultStateDir();
      prepared = helper.submit(() -> prepare(dir, err));
    } finally {
      helper.shutdown();
    }
    HostRoot root = hostRoot == null ? HostRoot.live() : new HostRoot(hostRoot);
    Instant now = Instant.now();
    ReportRequest.Builder report = ReportRequest.newBuilder()
        .setSequence(0)
        .setKind(ReportKind.REPORT_KIND_FULL)
        .setObservedAtMs(now.toEpochMilli())
        .setAgentVersion(AgentVersion.current());
    long started = System.nanoTime();
    Observations obs;
    ActivityRecord activity;
    try (ProbeSource source = Probes.forCurrentPlatform(root, Clock.systemUTC())) {
      obs = source.observe(now, true);
      activity = source.drainActivity(now);
    }
    Prepared p = prepared.get();
    ObservationMapper.fill(report, obs, activity, p.hasher());
    // The running agent fills timing from its exchanges with the collector; this command contacts none.
    report.setTiming(Timing.getDefaultInstance()).addErrors(ProbeError.newBuilder().setProbe("timing")
        .setReason("round trip and clock offset are measured against the collector when a report is delivered;"
            + " collect --once contacts no collector"));
    err.println("collect: observed in " + (System.nanoTime() - started) / 1_000_000 + " ms, "
        + report.getErrorsCount() + " probes could not observe something (see \"errors\")");
    if (activity.minutes().isEmpty()) {
      err.println("collect: activity covers no complete minute in one observation; the running agent reports "
          + "per-minute input counts");
    }
    err.flush();
    // Printed from a DynamicMessage over the same bytes: the same JSON, without initialising the generated
    // classes' reflective field accessors (one reflection pass per message type).
    out.println(p.printer().print(DynamicMessage.parseFrom(ReportRequest.getDescriptor(), report.build().toByteString())));
    out.flush();
    return 0;
  }

  /** What the helper thread prepares while the probes run. */
  private record Prepared(JsonFormat.Printer printer, IdentifierHasher hasher) {}

  private static Prepared prepare(Path dir, PrintWriter err) throws IOException {
    // Empty lists, zeros and UNSPECIFIED are printed too, so every section shows every field; what could not
    // be observed is listed with its reason under "errors".
    JsonFormat.Printer printer = JsonFormat.printer().alwaysPrintFieldsWithNoPresence();
    printer.print(DynamicMessage.getDefaultInstance(ReportRequest.getDescriptor()));
    noteRevocation(new AgentState(dir), err);
    IdentifierHasher hasher = hasher(dir, err);
    hasher.network("00:00:00:00:00:00"); // loads the JCE provider now rather than while mapping
    return new Prepared(printer, hasher);
  }

  /** Says so when the collector revoked this device: the report printed is then one that is never sent. */
  private static void noteRevocation(AgentState state, PrintWriter err) {
    try {
      state.revocation().ifPresent(r -> err.println("collect: this device was " + r.describe() + "; the agent "
          + "collects and sends nothing until the device is enrolled again (telltale-agent enroll). The report "
          + "printed is what a report would hold; it is not sent."));
    } catch (UncheckedIOException e) {
      // The state directory is the agent's account's only; the key lookup below says so.
    }
  }

  /** The agent's hasher when the state directory is readable, else HASHED under a random key. */
  private static IdentifierHasher hasher(Path dir, PrintWriter err) throws IOException {
    AgentState state = new AgentState(dir);
    Path file = state.identifierKeyFile();
    String why;
    try {
      if (state.remoteConfig().privacyMode() == PrivacyMode.PLAIN) {
        err.println("collect: the fleet's privacy mode is PLAIN: network names and addresses are printed as they are");
        return IdentifierHasher.plain();
      }
      byte[] key = Files.readAllBytes(file);
      if (key.length == 32) {
        return IdentifierHasher.hashed(key);
      }
      why = file + " holds " + key.length + " bytes (expected: 32)";
    } catch (NoSuchFileException e) {
      why = "no fleet identifier key at " + file + " (not enrolled, or another state directory)";
    } catch (AccessDeniedException e) {
      why = "cannot read " + file + " (readable by the agent's account only)";
    } catch (UncheckedIOException e) {
      why = "cannot read the fleet configuration in " + dir + " (" + e.getCause().getClass().getSimpleName() + ")";
    }
    err.println("collect: " + why + "; hashing identifiers with a random key of this run: hashes will not "
        + "match the ones the agent sends");
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return IdentifierHasher.hashed(key);
  }
}
