package io.telltale.agent;

import io.telltale.agent.config.AgentConfigLoader;
import io.telltale.agent.config.AgentState;
import io.telltale.agent.config.Revocation;
import io.telltale.agent.probe.Probes;
import io.telltale.agent.transport.CollectorAddress;
import io.telltale.agent.transport.Enrollment;
import io.telltale.agent.transport.EnrollmentException;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code enroll}: exchanges an enrollment token and a fresh key's CSR for this device's certificate. The new
 * identity lifts a revocation ({@link AgentState#saveEnrollment} removes the marker).
 */
@Command(name = "enroll", mixinStandardHelpOptions = true,
    description = "Enroll this device with a collector (once; --force to replace the identity, not needed "
        + "when the collector revoked it).")
final class EnrollCommand implements Callable<Integer> {

  @Option(names = "--collector", required = true, description = "Collector HOST:PORT.")
  String collector;

  @Option(names = "--token", required = true, description = "Enrollment token from `telltale-collector token create`.")
  String token;

  @Option(names = "--ca", required = true, description = "The collector's CA certificate (PEM file).")
  Path ca;

  @Option(names = "--state-dir", description = "State directory (default per OS, e.g. /var/lib/telltale).")
  Path stateDir;

  @Option(names = "--force", description = "Enroll again even if this device is already enrolled.")
  boolean force;

  @Override
  public Integer call() throws IOException {
    Path dir = stateDir != null ? stateDir : AgentConfigLoader.fromSystem().defaultStateDir();
    AgentState state = new AgentState(dir);
    // A revoked identity is worth nothing: enrolling again needs no --force (this is how a revoked device resumes).
    Optional<Revocation> revoked = state.isEnrolled() ? state.revocation() : Optional.empty();
    if (state.isEnrolled() && !force && revoked.isEmpty()) {
      System.err.println("Already enrolled as " + state.deviceId() + " (state in " + dir
          + "). Use --force to enroll again with a new identity.");
      return 1;
    }
    if (!Files.isReadable(ca)) {
      System.err.println("--ca " + ca + ": not a readable file (expected: the collector's CA certificate, PEM)");
      return 2;
    }
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "";
    }
    try {
      String id = Enrollment.enrollInto(state, CollectorAddress.parse(collector), Files.readString(ca), token,
          new Enrollment.DeviceInfo(host, "", Probes.currentOs(), AgentVersion.current()), null);
      String replaced = revoked.map(r -> " (replacing " + r.deviceId() + ", " + r.describe() + ")").orElse("");
      System.out.println("Enrolled as " + id + replaced + "; state in " + dir);
      return 0;
    } catch (EnrollmentException | IllegalArgumentException e) {
      System.err.println(e.getMessage());
      return 1;
    }
  }
}
