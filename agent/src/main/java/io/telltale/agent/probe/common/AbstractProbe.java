package io.telltale.agent.probe.common;

import static java.util.Objects.requireNonNull;

import io.telltale.agent.probe.Failures;
import io.telltale.agent.probe.Probe;
import io.telltale.agent.probe.ProbeException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base of every probe: runs {@link #collect} guarded, so an acquisition failure becomes a failure entry and
 * a bug becomes "internal error: ..." instead of an exception reaching the scheduler. Failures are logged at
 * DEBUG only, without telemetry contents.
 */
public abstract class AbstractProbe<T> implements Probe<T> {

  private static final Logger LOG = LoggerFactory.getLogger(AbstractProbe.class);

  private final String name;

  protected AbstractProbe(String name) {
    this.name = requireNonNull(name, "name");
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final @Nullable T observe(Failures failures) {
    try {
      return collect(failures);
    } catch (ProbeException e) {
      LOG.debug("probe {} failed: {}", name, e.getMessage());
      failures.add(name, requireNonNull(e.getMessage()));
    } catch (RuntimeException | LinkageError e) {
      // LinkageError: a native library (JNA) missing or incompatible on this OS build.
      LOG.debug("probe {} failed unexpectedly", name, e);
      failures.add(name, "internal error: " + e.getClass().getSimpleName());
    }
    return null;
  }

  /**
   * Acquires and parses. Throw {@link ProbeException} when nothing could be observed; report partial
   * failures to {@code failures} (with {@link #part}) and return what was observed.
   */
  protected abstract T collect(Failures failures) throws ProbeException;

  /** Runs one part of a multi-part probe; its failure is recorded under {@code name.part} and yields null. */
  protected final <X> @Nullable X part(String part, Failures failures, Acquisition<X> acquisition) {
    String partName = name + "." + part;
    try {
      return acquisition.get();
    } catch (ProbeException e) {
      LOG.debug("probe {} failed: {}", partName, e.getMessage());
      failures.add(partName, requireNonNull(e.getMessage()));
    } catch (RuntimeException | LinkageError e) {
      LOG.debug("probe {} failed unexpectedly", partName, e);
      failures.add(partName, "internal error: " + e.getClass().getSimpleName());
    }
    return null;
  }

  /** An acquisition step that may fail with a reason. */
  @FunctionalInterface
  public interface Acquisition<X> {
    X get() throws ProbeException;
  }
}
