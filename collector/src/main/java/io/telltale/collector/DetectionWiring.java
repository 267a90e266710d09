package io.telltale.collector;

import io.telltale.collector.config.CollectorConfig;
import io.telltale.collector.detect.Detection;
import io.telltale.collector.detect.Roster;
import io.telltale.collector.detect.catalogue.Catalogue;
import io.telltale.collector.detect.catalogue.CatalogueLoader;
import io.telltale.collector.detect.geo.CompanyNetworks;
import io.telltale.collector.detect.geo.IpIntel;
import io.telltale.collector.detect.geo.PrefixFileIntel;
import io.telltale.collector.detect.sql.SqlDetectionRepository;
import io.telltale.collector.detect.sql.SqlPolicyVersions;
import io.telltale.collector.detect.sql.StoreFleetView;
import io.telltale.collector.detect.sql.StoreReportSource;
import io.telltale.collector.detect.yaml.YamlException;
import io.telltale.collector.store.TelemetryStore;
import io.telltale.collector.store.sql.SqlTelemetryStore;
import java.io.IOException;
import java.time.Clock;
import java.util.HashSet;

/**
 * Builds {@link Detection} from the {@code detect.*} settings over a store: catalogue (built-in plus the
 * configured directory), roster, IP intelligence layered under the declared company networks, and the
 * detection tables in the store's database. Reads the configured files once; a broken file stops start-up
 * with its line and reason. Files are read apart from the store, so {@code serve} can check them at once
 * and build detection later, when the database answers.
 */
public final class DetectionWiring {

  private DetectionWiring() {}

  /** The store's roster, re-read at most every 30 s (imports take effect without a restart). */
  public static java.util.function.Supplier<Roster> storeRoster(TelemetryStore store) {
    return new java.util.function.Supplier<>() {
      private volatile Roster cached;
      private volatile long readAt;

      @Override
      public Roster get() {
        long now = System.nanoTime();
        if (cached == null || now - readAt > 30_000_000_000L) {
          cached = Roster.of(store.roster().list());
          readAt = now;
        }
        return cached;
      }
    };
  }

  /** What detection reads from files, checked at start-up, before any database is needed. */
  public record Files(Catalogue catalogue, IpIntel intel) {}

  /** Reads the catalogue and IP intelligence files; a broken file throws with its line and reason. */
  public static Files readFiles(CollectorConfig.Detect cfg) throws IOException {
    Catalogue catalogue;
    try {
      catalogue = CatalogueLoader.load(cfg.catalogueDir());
    } catch (YamlException e) {
      throw new IllegalArgumentException("detect.catalogue_dir: invalid catalogue:\n" + e.getMessage(), e);
    }
    IpIntel base = cfg.ipIntelFile() == null ? IpIntel.none() : PrefixFileIntel.load(cfg.ipIntelFile());
    IpIntel intel = new CompanyNetworks(CompanyNetworks.parseCidrs(cfg.companyNetworks()),
        new HashSet<>(cfg.companyAsns()), base);
    return new Files(catalogue, intel);
  }

  public static Detection create(CollectorConfig.Detect cfg, TelemetryStore store, Clock clock) throws IOException {
    return create(readFiles(cfg), cfg, store, clock);
  }

  /**
   * Builds detection over the store from files already read. Reads the store's policy versions, so it
   * throws {@link io.telltale.collector.store.StoreUnavailableException} while the database is down.
   */
  public static Detection create(Files files, CollectorConfig.Detect cfg, TelemetryStore store, Clock clock) {
    if (!(store instanceof SqlTelemetryStore sql)) {
      throw new IllegalStateException("detection needs the SQL store, got " + store);
    }
    return new Detection(files.catalogue(), new SqlPolicyVersions(sql.database()), cfg.policyFile(),
        new SqlDetectionRepository(sql.database()), new StoreFleetView(store), new StoreReportSource(store),
        storeRoster(store), files.intel(), clock, cfg.sweep(), cfg.queue(), cfg.cacheDevices());
  }
}
