package io.telltale.collector.detect.policy;

import static java.util.Objects.requireNonNull;

import io.telltale.collector.detect.yaml.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a policy file whenever its content changes (polled: works on every file system, including
 * bind mounts and network shares where watch events are unreliable). A broken edit is logged with every
 * problem's line and column and the running policy stays; the next save is tried again. The polling task
 * catches everything, so one bad read never stops the watch.
 */
public final class PolicyFileWatcher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PolicyFileWatcher.class);

  private final Path file;
  private final PolicyRegistry registry;
  private final ScheduledExecutorService executor;
  private volatile String lastText = "";

  public PolicyFileWatcher(Path file, PolicyRegistry registry, Duration interval) {
    this.file = requireNonNull(file, "file");
    this.registry = requireNonNull(registry, "registry");
    this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "telltale-policy-watch");
      t.setDaemon(true);
      return t;
    });
    executor.scheduleWithFixedDelay(this::poll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Checks the file once; returns whether a new policy was applied. */
  boolean poll() {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      if (text.equals(lastText)) {
        return false;
      }
      lastText = text;
      if (registry.current().policy().text().equals(text)) {
        return false;
      }
      ApplyResult r = registry.apply(file.toString(), text);
      if (!r.ok()) {
        StringBuilder sb = new StringBuilder();
        for (Problem p : r.problems()) {
          sb.append("\n  ").append(p);
        }
        LOG.error("policy file {} rejected; policy {} stays in force:{}", file, registry.current().version(), sb);
      }
      return r.ok();
    } catch (IOException e) {
      LOG.warn("policy file {} unreadable: {}", file, e.toString());
      return false;
    } catch (RuntimeException e) {
      LOG.warn("policy file {} check failed", file, e);
      return false;
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
