package io.telltale.collector;

import io.telltale.collector.config.CollectorConfig;
import io.telltale.collector.config.CollectorConfigLoader;
import io.telltale.collector.internal.Clock;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code serve}: runs the collector until stopped (see {@link Serving}). */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve agents (gRPC over mutual TLS) on one port until stopped.")
final class ServeCommand implements Callable<Integer> {

  @Option(names = "--config", paramLabel = "FILE", description = "collector.yml (default: built-in defaults + env)")
  @Nullable Path config;

  @Override
  public Integer call() throws Exception {
    CollectorConfig cfg = CollectorConfigLoader.load(config);
    Serving serving = Serving.start(cfg, Clock.SYSTEM, System.out);
    Runtime.getRuntime().addShutdownHook(new Thread(serving::close, "telltale-shutdown"));
    serving.server().whenClosed().join();
    return 0;
  }
}
