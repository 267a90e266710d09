package io.telltale.agent.sim;

import io.telltale.agent.config.AgentConfig;
import io.telltale.agent.config.AgentState;
import io.telltale.agent.internal.Clock;
import io.telltale.agent.internal.ManualClock;
import io.telltale.agent.probe.OsFamily;
import io.telltale.agent.sim.Scenario.DeviceState;
import io.telltale.agent.transport.CollectorAddress;
import io.telltale.agent.transport.CollectorConnection;
import io.telltale.agent.transport.DeliveryOutcome;
import io.telltale.agent.transport.Enrollment;
import io.telltale.agent.transport.EnrollmentException;
import io.telltale.agent.transport.LinkTiming;
import io.telltale.agent.transport.ReportingPipeline;
import io.telltale.agent.transport.SectionFiller;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One scenario device as an agent: enrolled with its own key and certificate, reporting through the real
 * {@link ReportingPipeline} with a {@link ScenarioProbeSource} and a scenario clock. Not thread-safe.
 */
final class SimulatedDevice implements AutoCloseable {

  private final DeviceTimeline timeline;
  private final ManualClock trueClock;
  private final CollectorConnection connection;
  private final ReportingPipeline pipeline;
  private final String deviceId;
  private long created;

  SimulatedDevice(DeviceTimeline timeline, Path stateDir, CollectorAddress address, String caPem, String token,
      SectionFiller.Factory fillers) throws EnrollmentException {
    this.timeline = timeline;
    Instant start = timeline.scenario().start();
    this.trueClock = new ManualClock(start);
    AgentState state = new AgentState(stateDir);
    DeviceState s0 = timeline.stateAt(start);
    if (!state.isEnrolled()) {
      Enrollment.enrollInto(state, address, caPem, token, new Enrollment.DeviceInfo(timeline.device().hostname(),
          timeline.device().serial(), os(timeline.device().osFamily()), io.telltale.agent.AgentVersion.current()),
          timeline.exitNetwork(s0).publicIp());
    }
    this.deviceId = state.deviceId();
    this.connection = CollectorConnection.mutualTls(address, state.readText(state.privateKeyFile()),
        state.readText(state.certificateFile()), state.readText(state.caFile()), null, null);
    Clock deviceClock = () -> trueClock.millis() + timeline.skewMs(trueClock.now());
    AgentConfig local = new AgentConfig(address.toString(), stateDir,
        Duration.ofMinutes(timeline.scenario().reportIntervalMinutes()), AgentConfig.DEFAULT_FULL_INVENTORY_INTERVAL,
        AgentConfig.DEFAULT_SPOOL_MAX_BYTES, AgentConfig.DEFAULT_CPU_LIMIT_PERMILLE,
        AgentConfig.DEFAULT_MEMORY_LIMIT_BYTES, List.of());
    this.pipeline = new ReportingPipeline(timeline.device().hostname(), new ScenarioProbeSource(timeline, trueClock),
        deviceClock, state, local, connection, fillers, new ScenarioTiming());
  }

  private static OsFamily os(String family) {
    return switch (family) {
      case "windows" -> OsFamily.WINDOWS;
      case "macos" -> OsFamily.MACOS;
      default -> OsFamily.LINUX;
    };
  }

  String hostname() {
    return timeline.device().hostname();
  }

  String deviceId() {
    return deviceId;
  }

  /** One report time: observe at scenario time {@code t}, then deliver unless the device is offline. */
  DeliveryOutcome step(Instant t) {
    return step(t, 1);
  }

  /**
   * One report time, delivering once {@code batch} reports are queued (at most speed there is no point in
   * one call per report). What a report says about its link (the public IP the collector sees, RTT, clock
   * offset) is the scenario's at delivery, so the queue is delivered before the link changes or the device
   * goes offline: each report arrives as it would have, one by one, on time.
   */
  DeliveryOutcome step(Instant t, int batch) {
    Instant previous = trueClock.now();
    if (batch > 1 && queued() > 0 && !timeline.offlineAt(previous)
        && (timeline.offlineAt(t) || !link(t).equals(link(previous)))) {
      DeliveryOutcome o = deliver(); // still at the previous report time, on the previous link
      if (o instanceof DeliveryOutcome.Revoked) {
        return o;
      }
    }
    trueClock.set(t);
    pipeline.observe();
    created++;
    if (timeline.offlineAt(t)) {
      return new DeliveryOutcome.RetryLater(0, "offline in the scenario");
    }
    if (queued() < batch) {
      return new DeliveryOutcome.RetryLater(0, "batching");
    }
    return deliver();
  }

  /** What a delivery tells about the link it went over: public IP, round trip, clock skew. */
  private record Link(String publicIp, long rttMs, long skewMs) {}

  /** The link a delivery at {@code t} goes over, as the collector and the agent's timing see it. */
  private Link link(Instant t) {
    DeviceState s = timeline.stateAt(t);
    var net = timeline.exitNetwork(s);
    return new Link(net.publicIp(), Math.round(net.rttMs()), Math.round(s.clock().skewSeconds() * 1000));
  }

  DeliveryOutcome deliver() {
    DeviceState s = timeline.stateAt(trueClock.now());
    connection.setForwardedFor(timeline.exitNetwork(s).publicIp());
    return pipeline.deliver();
  }

  boolean revoked() {
    return pipeline.revoked();
  }

  long created() {
    return created;
  }

  long queued() {
    return pipeline.spool().size();
  }

  ReportingPipeline pipeline() {
    return pipeline;
  }

  @Override
  public void close() {
    pipeline.close();
    connection.close();
  }

  /** What a real agent on this device would have measured: its network's RTT and its clock's skew. */
  private final class ScenarioTiming implements LinkTiming.Source {
    @Override
    public LinkTiming current() {
      DeviceState s = timeline.stateAt(trueClock.now());
      return new LinkTiming((int) Math.round(timeline.exitNetwork(s).rttMs()),
          Math.round(s.clock().skewSeconds() * 1000), true);
    }

    @Override
    public void onExchange(long sentAtMs, long receivedAtMs, long serverTimeMs) {
      // Loopback timings say nothing about the simulated device; the scenario decides.
    }
  }
}
