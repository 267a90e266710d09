package io.telltale.collector.config;

import static java.util.Objects.requireNonNull;

import io.telltale.collector.ingest.AgentConfigTemplate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Everything {@code collector.yml} and the environment say, validated. Built only by {@link CollectorConfigLoader}. */
public record CollectorConfig(
    Server server, Path dataDir, Pki pki, Store store, Ingest ingest, AgentConfigTemplate agent, Retention retention,
    Fleet fleet, Admin admin, Detect detect) {

  public CollectorConfig {
    requireNonNull(server, "server");
    requireNonNull(dataDir, "dataDir");
    requireNonNull(pki, "pki");
    requireNonNull(store, "store");
    requireNonNull(ingest, "ingest");
    requireNonNull(agent, "agent");
    requireNonNull(retention, "retention");
    requireNonNull(fleet, "fleet");
    requireNonNull(admin, "admin");
    requireNonNull(detect, "detect");
  }

  /** @param tlsNames DNS names and IP literals the server certificate is valid for */
  public record Server(int port, List<String> tlsNames) {
    public Server {
      tlsNames = List.copyOf(tlsNames);
    }
  }

  /** @param dir where the CA key and certificate live (share it between collectors of one fleet) */
  public record Pki(Path dir, Duration clientCertificateValidity, Duration renewBefore) {}

  /** Which backend, and its settings. */
  public record Store(StoreType type, Path sqlitePath, Postgres postgres) {}

  /** SQLite (default) or PostgreSQL. */
  public enum StoreType {
    SQLITE,
    POSTGRES
  }

  /** PostgreSQL connection; the password is read from {@code passwordFile} ("" = no password). */
  public record Postgres(String url, String user, String passwordFile, int poolSize) {}

  /** Ingest tunables; {@code trustedProxies} are CIDRs whose X-Forwarded-For is believed. */
  public record Ingest(int queueCapacity, int maxBatch, List<String> trustedProxies, int handOffQueue,
      Duration authCacheTtl) {
    public Ingest {
      trustedProxies = List.copyOf(trustedProxies);
    }
  }

  /** Raw reports and per-minute activity older than {@code rawData} (by received time) are deleted. */
  public record Retention(Duration rawData, Duration interval) {}

  /** How often a collector tries to take or confirm leadership of fleet-wide jobs. */
  public record Fleet(Duration leaderPoll) {}

  /**
   * The first administrator. {@code initialPassword} is used only when the store has no user at all ("" =
   * generate one and print it once); usually given as {@code TELLTALE_ADMIN_PASSWORD}.
   */
  public record Admin(String initialPassword) {
    public Admin {
      requireNonNull(initialPassword, "initialPassword");
    }

    @Override
    public String toString() {
      return "Admin[initialPassword=" + (initialPassword.isEmpty() ? "" : "***") + "]";
    }
  }

  /**
   * Detection settings. Null paths are not configured.
   *
   * @param policyFile policy YAML watched for changes (none = the stored or built-in default policy)
   * @param catalogueDir extra signature catalogue files merged after the built-in ones
   * @param ipIntelFile IP intelligence CSV (cidr,country,region,city,asn,org,kind)
   * @param companyNetworks CIDRs of offices and corporate VPN egress; {@code companyAsns} their ASNs
   * @param sweep how often every device is re-evaluated (silence, expiring windows)
   * @param queue bound of the detection hand-off queue
   * @param cacheDevices devices whose evidence ledger and current state detection keeps in memory
   */
  public record Detect(@org.jspecify.annotations.Nullable Path policyFile,
      @org.jspecify.annotations.Nullable Path catalogueDir, @org.jspecify.annotations.Nullable Path ipIntelFile,
      List<String> companyNetworks, List<Long> companyAsns,
      Duration sweep, int queue, int cacheDevices) {
    public Detect {
      companyNetworks = List.copyOf(companyNetworks);
      companyAsns = List.copyOf(companyAsns);
    }
  }
}
