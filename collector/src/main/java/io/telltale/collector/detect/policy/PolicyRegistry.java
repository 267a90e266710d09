package io.telltale.collector.detect.policy;

import static java.util.Objects.requireNonNull;

import io.telltale.collector.detect.yaml.YamlException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live policy. A new policy (file change or API call) is parsed, compiled and type-checked into a
 * {@link PolicySet} and published with one atomic swap, only if every rule compiled; otherwise the running
 * policy stays in force and the problems are returned. Every applied text is recorded in
 * {@link PolicyVersions}. Listeners hear about each swap (detection re-evaluates the fleet). Thread-safe.
 */
public final class PolicyRegistry {

  private static final Logger LOG = LoggerFactory.getLogger(PolicyRegistry.class);
  static final String DEFAULT_RESOURCE = "policy/default-policy.yaml";

  private final PolicyCompiler compiler = new PolicyCompiler();
  private final AtomicReference<PolicySet> live;
  private final PolicyVersions versions;
  private final Clock clock;
  private final List<Consumer<PolicySet>> listeners = new CopyOnWriteArrayList<>();

  private PolicyRegistry(PolicySet initial, PolicyVersions versions, Clock clock) {
    this.live = new AtomicReference<>(initial);
    this.versions = versions;
    this.clock = clock;
  }

  /**
   * Starts with the latest recorded version, else {@code initialFile}, else the built-in default policy.
   * A broken recorded or initial policy is logged and skipped, never fatal.
   */
  public static PolicyRegistry start(PolicyVersions versions, @Nullable Path initialFile, Clock clock) {
    PolicyCompiler compiler = new PolicyCompiler();
    PolicySet set = null;
    if (initialFile != null) {
      try {
        set = compiler.compile(initialFile.toString(), Files.readString(initialFile, StandardCharsets.UTF_8),
            clock.instant());
      } catch (IOException | YamlException e) {
        LOG.error("policy file {} not applied, keeping the previous policy:\n{}", initialFile, e.getMessage());
      }
    }
    if (set == null) {
      var latest = versions.latest();
      if (latest.isPresent()) {
        try {
          set = compiler.compile(latest.get().source(), latest.get().text(), latest.get().appliedAt());
        } catch (YamlException e) {
          LOG.error("stored policy version {} no longer compiles, using the default:\n{}", latest.get().number(),
              e.getMessage());
        }
      }
    }
    if (set == null) {
      set = defaultSet(compiler, clock);
    }
    versions.record(set.policy().sha256(), set.policy().text(), set.source(), set.appliedAt());
    return new PolicyRegistry(set, versions, clock);
  }

  /** The built-in default policy, compiled. */
  public static PolicySet defaultSet(Clock clock) {
    return defaultSet(new PolicyCompiler(), clock);
  }

  private static PolicySet defaultSet(PolicyCompiler compiler, Clock clock) {
    try {
      return compiler.compile("default-policy.yaml", defaultText(), clock.instant());
    } catch (YamlException e) {
      throw new IllegalStateException("built-in default policy is invalid:\n" + e.getMessage(), e);
    }
  }

  public static String defaultText() {
    try (InputStream in = PolicyRegistry.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing " + DEFAULT_RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The live policy. Never blocks. */
  public PolicySet current() {
    return live.get();
  }

  /** Compiles {@code text} without applying it (for {@code validate} and {@code test}). */
  public ApplyResult check(String source, String text) {
    try {
      return new ApplyResult(compiler.compile(source, text, clock.instant()), List.of());
    } catch (YamlException e) {
      return new ApplyResult(null, e.problems());
    }
  }

  /**
   * Applies {@code text} if every rule compiles; otherwise returns the problems and changes nothing.
   * Applying the live text again is a no-op that returns the live set.
   */
  public ApplyResult apply(String source, String text) {
    requireNonNull(text, "text");
    ApplyResult result = check(source, text);
    if (!result.ok()) {
      LOG.warn("policy from {} rejected, previous policy {} stays in force: {} problem(s)", source,
          live.get().version(), result.problems().size());
      return result;
    }
    PolicySet next = result.applied();
    PolicySet previous = live.getAndSet(next);
    if (previous.policy().sha256().equals(next.policy().sha256())) {
      return result;
    }
    versions.record(next.policy().sha256(), text, source, next.appliedAt());
    LOG.info("policy {} applied from {} ({} rules), replacing {}", next.version(), source, next.rules().size(),
        previous.version());
    for (Consumer<PolicySet> l : listeners) {
      try {
        l.accept(next);
      } catch (RuntimeException e) {
        LOG.warn("policy listener failed", e);
      }
    }
    return result;
  }

  public void addListener(Consumer<PolicySet> listener) {
    listeners.add(requireNonNull(listener, "listener"));
  }

  public PolicyVersions versions() {
    return versions;
  }
}
