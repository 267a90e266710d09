package io.telltale.collector;

import io.telltale.collector.config.CollectorConfig;
import io.telltale.collector.config.CollectorConfigLoader;
import io.telltale.collector.detect.Detection;
import io.telltale.collector.detect.PolicyTester;
import io.telltale.collector.detect.policy.ApplyResult;
import io.telltale.collector.detect.policy.PolicyCompiler;
import io.telltale.collector.detect.policy.PolicySet;
import io.telltale.collector.detect.yaml.Problem;
import io.telltale.collector.detect.yaml.YamlException;
import io.telltale.collector.internal.Clock;
import io.telltale.collector.review.AuditTrail;
import io.telltale.collector.store.TelemetryStore;
import io.telltale.collector.config.StoreSelector;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code policy validate | test | apply FILE}: check a detection policy, preview it, make it live. */
@Command(name = "policy", mixinStandardHelpOptions = true,
    description = "Detection policies: validate, preview against stored data, apply.",
    subcommands = {PolicyCommand.Validate.class, PolicyCommand.Test.class, PolicyCommand.Apply.class})
final class PolicyCommand {

  static void printProblems(PrintStream err, List<Problem> problems) {
    for (Problem p : problems) {
      err.println(p);
    }
  }

  @Command(name = "validate", mixinStandardHelpOptions = true,
      description = "Parse and type-check FILE; prints each problem as file:line:column: reason. Exit 1 if any.")
  static final class Validate implements Callable<Integer> {
    @Parameters(paramLabel = "FILE") Path file;

    @Override
    public Integer call() throws Exception {
      try {
        PolicySet set = new PolicyCompiler().compile(file.toString(), Files.readString(file, StandardCharsets.UTF_8),
            java.time.Instant.now());
        System.out.printf("%s: valid, %d rules, version %s%n", file, set.rules().size(), set.version());
        return 0;
      } catch (YamlException e) {
        printProblems(System.err, e.problems());
        return 1;
      }
    }
  }

  /** Shared: open the configured store and detection (not started) for test and apply. */
  abstract static class WithStore implements Callable<Integer> {
    @Parameters(paramLabel = "FILE") Path file;

    @Option(names = "--config", paramLabel = "FILE", description = "collector.yml (default: built-in defaults + env)")
    @Nullable Path config;

    @Override
    public Integer call() throws Exception {
      CollectorConfig cfg = CollectorConfigLoader.load(config);
      String text = Files.readString(file, StandardCharsets.UTF_8);
      try (TelemetryStore store = StoreSelector.open(cfg);
          Detection detection = DetectionWiring.create(cfg.detect(), store, Detection.clock(Clock.SYSTEM))) {
        return run(detection, text, store);
      }
    }

    abstract int run(Detection detection, String text, TelemetryStore store);
  }

  @Command(name = "test", mixinStandardHelpOptions = true,
      description = "Show which stored devices would change verdict under FILE, without applying it.")
  static final class Test extends WithStore {
    @Override
    int run(Detection detection, String text, TelemetryStore store) {
      PolicyTester.Report r = new PolicyTester(detection.engine()).test(file.toString(), text);
      if (r.candidate() == null) {
        printProblems(System.err, r.problems());
        return 1;
      }
      System.out.printf("candidate %s vs live %s: %d devices, %d would change%n", r.candidate().version(),
          detection.policies().current().version(), r.devices(), r.changes().size());
      for (PolicyTester.Change c : r.changes()) {
        System.out.printf("%-24s %-11s -> %-11s score %4d -> %4d  %s -> %s%n", c.hostname(),
            c.before().flagged() ? "FLAGGED" : "not flagged", c.after().flagged() ? "FLAGGED" : "not flagged",
            c.before().score(), c.after().score(), c.before().reasons(), c.after().reasons());
      }
      return 0;
    }
  }

  @Command(name = "apply", mixinStandardHelpOptions = true,
      description = "Record FILE as the live policy (running collectors pick it up within seconds). Audited as "
          + "local:<OS user>, like an apply through the API.")
  static final class Apply extends WithStore {
    @Override
    int run(Detection detection, String text, TelemetryStore store) {
      String before = detection.policies().current().version();
      ApplyResult r = detection.policies().apply(file.toString(), text);
      AuditTrail audit = LocalActor.audit(store);
      if (!r.ok()) {
        audit.record(LocalActor.principal(), "policy.apply.rejected", "", Map.of("version", before),
            Map.of("problems", r.problems().size(), "file", file.toString()));
        printProblems(System.err, r.problems());
        System.err.println("rejected; policy " + detection.policies().current().version() + " stays in force");
        return 1;
      }
      audit.record(LocalActor.principal(), "policy.apply", r.applied().version(), Map.of("version", before),
          Map.of("version", r.applied().version(), "file", file.toString()));
      System.out.println("applied policy " + r.applied().version() + " (" + r.applied().rules().size() + " rules)");
      return 0;
    }
  }
}
