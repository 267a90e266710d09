package io.telltale.collector;

import io.telltale.collector.config.CollectorConfig;
import io.telltale.collector.config.CollectorConfigLoader;
import io.telltale.collector.config.StoreSelector;
import io.telltale.collector.internal.Clock;
import io.telltale.collector.review.DeviceRevocation;
import io.telltale.collector.review.ReviewException;
import io.telltale.collector.store.DeviceRecord;
import io.telltale.collector.store.TelemetryStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code device revoke ID}: revokes a device directly in the store, for when the API is not at hand (the
 * console, the API and {@code ctl devices revoke} do the same through a running collector). Audited as
 * {@code local:<OS user>}. Running collectors refuse the device within {@code ingest.auth_cache_seconds}.
 */
@Command(name = "device", mixinStandardHelpOptions = true, description = "Manage enrolled devices.",
    subcommands = {DeviceCommand.Revoke.class})
final class DeviceCommand {

  @Command(name = "revoke", mixinStandardHelpOptions = true,
      description = "Revoke a device by id: collectors refuse its reports and certificate renewals, and its agent "
          + "stops reporting. Cannot be undone; asks for --yes.")
  static final class Revoke implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "Device id (see ctl devices list)")
    String id;

    @Option(names = "--yes", description = "Really revoke (without it, only shows which device it would be)")
    boolean yes;

    @Option(names = "--config", paramLabel = "FILE", description = "collector.yml (default: built-in defaults + env)")
    @Nullable Path config;

    @Override
    public Integer call() throws Exception {
      CollectorConfig cfg = CollectorConfigLoader.load(config);
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      try (TelemetryStore store = StoreSelector.open(cfg)) {
        DeviceRecord d = store.devices().find(id).orElse(null);
        if (d == null) {
          err.println("device " + id + ": unknown (expected: a device id, see ctl devices list)");
          err.flush();
          return 1;
        }
        if (!yes && !d.revoked()) {
          err.println("would revoke " + d.hostname() + " (" + id + "); re-run with --yes to revoke it");
          err.flush();
          return 1;
        }
        try {
          DeviceRevocation.Revoked r = new DeviceRevocation(store.devices(), LocalActor.audit(store), Clock.SYSTEM,
              deviceId -> {}).revoke(LocalActor.principal(), id);
          out.println("device " + r.hostname() + " (" + id + ") revoked at " + r.revokedAt()
              + "; running collectors refuse it within " + cfg.ingest().authCacheTtl().toSeconds() + " s");
          out.flush();
          return 0;
        } catch (ReviewException e) {
          err.println(e.getMessage());
          err.flush();
          return 1;
        }
      }
    }
  }
}
