package io.telltale.agent;

import io.telltale.agent.config.Settings;
import io.telltale.agent.internal.Clock;
import io.telltale.agent.internal.ScheduledTask;
import io.telltale.agent.transport.ReportingPipeline;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watchdog of the agent's own footprint: every {@link #PERIOD_S} s it samples process CPU time and resident
 * memory (VmRSS from /proc/self/status where it exists, heap + non-heap elsewhere) and compares the last
 * minute with the configured budgets. Over budget it first sheds the expensive probes (software inventory,
 * hardware enumeration); if still over budget three minutes later it stops the agent with
 * {@link #EXIT_OVER_BUDGET}, so the service manager restarts a fresh process.
 */
final class SelfLimits extends ScheduledTask {

  private static final Logger logger = LoggerFactory.getLogger(SelfLimits.class);

  static final long PERIOD_S = 10;
  /** Exit code of a deliberate stop over budget, distinct from 1 (failure) and 2 (usage). */
  static final int EXIT_OVER_BUDGET = 3;
  /** Six samples of ten seconds: "sustained over a minute". */
  private static final int WINDOW = 6;
  /** Sheds first, then waits this many over-budget samples (three minutes) before exiting. */
  private static final int GRACE_SAMPLES = 18;
  static final Set<String> EXPENSIVE_PROBES = Set.of("software", "hardware");

  /** What the watchdog measures of its own process; a seam for tests. */
  interface Meter {
    /** CPU time used by the process so far, in nanoseconds. */
    long cpuNanos();

    /** Resident memory of the process, in bytes. */
    long residentBytes();

    Meter PROCESS = new Meter() {
      @Override
      public long cpuNanos() {
        return processCpuNanos();
      }

      @Override
      public long residentBytes() {
        return SelfLimits.residentBytes();
      }
    };
  }

  private final String device;
  private final ReportingPipeline pipeline;
  private final Clock clock;
  private final CountDownLatch stopped;
  private final Meter meter;
  private final ArrayDeque<long[]> samples = new ArrayDeque<>();
  private boolean shed;
  private int overSinceShed;
  private volatile int exitCode;

  SelfLimits(String device, ReportingPipeline pipeline, Clock clock, CountDownLatch stopped) {
    this(device, pipeline, clock, stopped, Meter.PROCESS);
  }

  SelfLimits(String device, ReportingPipeline pipeline, Clock clock, CountDownLatch stopped, Meter meter) {
    super("self-limit watchdog", clock);
    this.device = device;
    this.pipeline = pipeline;
    this.clock = clock;
    this.stopped = stopped;
    this.meter = meter;
  }

  int exitCode() {
    return exitCode;
  }

  @Override
  protected void runOnce() {
    samples.addLast(new long[] {clock.millis(), meter.cpuNanos()});
    if (samples.size() > WINDOW + 1) {
      samples.removeFirst();
    }
    Settings s = pipeline.settings();
    long rss = meter.residentBytes();
    boolean memoryOver = rss > s.memoryLimitBytes();
    boolean cpuOver = false;
    if (samples.size() == WINDOW + 1) {
      long[] first = samples.getFirst();
      long[] last = samples.getLast();
      double permille = (last[1] - first[1]) / 1e6 / Math.max(1, last[0] - first[0]) * 1000;
      cpuOver = permille > s.cpuLimitPermille();
    }
    if (!memoryOver && !cpuOver) {
      overSinceShed = 0;
      return;
    }
    if (!shed) {
      shed = true;
      pipeline.shed(EXPENSIVE_PROBES);
      logger.warn("{} - over budget (cpu {}, rss {} bytes of {}); stopped the probes {}", device,
          cpuOver ? "over" : "ok", rss, s.memoryLimitBytes(), EXPENSIVE_PROBES);
    } else if (++overSinceShed >= GRACE_SAMPLES) {
      logger.error("{} - still over budget after shedding probes; exiting with code {} for a restart",
          device, EXIT_OVER_BUDGET);
      exitCode = EXIT_OVER_BUDGET;
      stopped.countDown();
    }
  }

  static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return Math.max(0, os.getProcessCpuTime());
    }
    return 0;
  }

  static long residentBytes() {
    Path status = Path.of("/proc/self/status");
    if (Files.isReadable(status)) {
      try {
        for (String line : Files.readAllLines(status)) {
          if (line.startsWith("VmRSS:")) {
            String kb = line.substring(6).trim().split("\\s+")[0];
            return Long.parseLong(kb) * 1024;
          }
        }
      } catch (IOException | NumberFormatException e) {
        logger.debug("cannot read VmRSS: {}", e.toString());
      }
    }
    MemoryMXBean m = ManagementFactory.getMemoryMXBean();
    return m.getHeapMemoryUsage().getUsed() + m.getNonHeapMemoryUsage().getUsed();
  }
}
