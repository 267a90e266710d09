package io.telltale.collector;

import io.telltale.collector.config.CollectorConfig;
import io.telltale.collector.config.CollectorConfigLoader;
import io.telltale.collector.config.StoreSelector;
import io.telltale.collector.internal.Clock;
import io.telltale.collector.review.Enrollment;
import io.telltale.collector.review.ReviewException;
import io.telltale.collector.store.EnrollmentToken;
import io.telltale.collector.store.TelemetryStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code token create | list | revoke}: enrollment tokens, stored hashed; the secret is printed once. Create
 * and revoke are audited as {@code local:<OS user>}.
 */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Manage enrollment tokens.",
    subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
final class TokenCommand {

  @Option(names = "--config", paramLabel = "FILE", scope = picocli.CommandLine.ScopeType.INHERIT,
      description = "collector.yml (default: built-in defaults + env)")
  @Nullable Path config;

  TelemetryStore openStore() throws Exception {
    CollectorConfig cfg = CollectorConfigLoader.load(config);
    return StoreSelector.open(cfg);
  }

  /** The same use case the API runs, audited as the local OS user. */
  static Enrollment enrollment(TelemetryStore store) {
    return new Enrollment(store.tokens(), LocalActor.audit(store), Clock.SYSTEM);
  }

  /** Parses "7d", "12h", "30m" or an ISO-8601 duration. */
  static Duration parseDuration(String s) {
    String t = s.trim().toLowerCase(Locale.ROOT);
    try {
      if (t.matches("\\d+[dhm]")) {
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        return switch (t.charAt(t.length() - 1)) {
          case 'd' -> Duration.ofDays(n);
          case 'h' -> Duration.ofHours(n);
          default -> Duration.ofMinutes(n);
        };
      }
      return Duration.parse(s.trim().toUpperCase(Locale.ROOT));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("expires: " + s + " (expected: e.g. 7d, 12h, 30m)", e);
    }
  }

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a token; prints it once.")
  static final class Create implements Callable<Integer> {
    @picocli.CommandLine.ParentCommand TokenCommand parent;
    @Spec CommandSpec spec;

    @Option(names = "--expires", defaultValue = "7d", description = "Validity, e.g. 7d, 12h (default: ${DEFAULT-VALUE})")
    String expires;

    @Option(names = "--max-uses", defaultValue = "1", description = "Enrollments allowed (default: ${DEFAULT-VALUE})")
    int maxUses;

    @Override
    public Integer call() throws Exception {
      Duration validity;
      try {
        validity = parseDuration(expires);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
      if (maxUses < 1) {
        throw new ParameterException(spec.commandLine(), "max-uses: " + maxUses + " (expected: >= 1)");
      }
      try (TelemetryStore store = parent.openStore()) {
        Enrollment.Created c = enrollment(store).create(LocalActor.principal(), validity, maxUses);
        PrintWriter out = spec.commandLine().getOut();
        out.println(c.secret());
        out.printf("id %s, expires %s, max uses %d (the token is shown only now; it is stored hashed)%n",
            c.token().id(), c.token().expiresAt(), c.token().maxUses());
        out.flush();
      }
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List tokens (never their secrets).")
  static final class ListTokens implements Callable<Integer> {
    @picocli.CommandLine.ParentCommand TokenCommand parent;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      try (TelemetryStore store = parent.openStore()) {
        out.printf("%-10s  %-24s  %-24s  %-9s  %s%n", "ID", "CREATED", "EXPIRES", "USES", "STATE");
        Instant now = Instant.now();
        for (EnrollmentToken t : store.tokens().list()) {
          String state = t.revokedAt() != null ? "revoked" : !t.expiresAt().isAfter(now) ? "expired"
              : t.uses() >= t.maxUses() ? "used up" : "active";
          out.printf("%-10s  %-24s  %-24s  %-9s  %s%n", t.id(), t.createdAt(), t.expiresAt(),
              t.uses() + "/" + t.maxUses(), state);
        }
      }
      out.flush();
      return 0;
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token by id.")
  static final class Revoke implements Callable<Integer> {
    @picocli.CommandLine.ParentCommand TokenCommand parent;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID")
    String id;

    @Override
    public Integer call() throws Exception {
      try (TelemetryStore store = parent.openStore()) {
        try {
          enrollment(store).revoke(LocalActor.principal(), id);
        } catch (ReviewException e) {
          spec.commandLine().getErr().println("token " + id + ": unknown or already revoked");
          return 1;
        }
        spec.commandLine().getOut().println("token " + id + " revoked");
        spec.commandLine().getOut().flush();
      }
      return 0;
    }
  }
}
