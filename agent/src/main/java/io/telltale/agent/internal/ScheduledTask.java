package io.telltale.agent.internal;

import static java.util.Objects.requireNonNull;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A periodic job that never dies silently: {@link #run()} catches every {@link Throwable} from
 * {@link #runOnce()}, logs it (rate-limited) and returns, so a {@code ScheduledExecutorService} keeps the
 * schedule. (A task that throws once from {@code scheduleAtFixedRate} is never run again.)
 */
public abstract class ScheduledTask implements Runnable {

  private static final Logger logger = LoggerFactory.getLogger(ScheduledTask.class);

  private final String name;
  private final RateLimitedLogger failures;

  protected ScheduledTask(String name, Clock clock) {
    this.name = requireNonNull(name, "name");
    this.failures = new RateLimitedLogger(logger, clock);
  }

  /** One execution of the job; may throw. */
  protected abstract void runOnce() throws Exception;

  @Override
  public final void run() {
    try {
      runOnce();
    } catch (Throwable t) {
      if (t instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      failures.warn("{} failed; it keeps its schedule", name, t);
      if (t instanceof VirtualMachineError vme && !(t instanceof StackOverflowError)) {
        throw vme;
      }
    }
  }

  public String name() {
    return name;
  }
}
