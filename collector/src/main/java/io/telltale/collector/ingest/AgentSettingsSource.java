package io.telltale.collector.ingest;

import static java.util.Objects.requireNonNull;

import io.telltale.collector.internal.Clock;
import io.telltale.collector.model.AgentSettings;
import io.telltale.collector.store.FleetSettings;
import io.telltale.collector.store.StoreUnavailableException;
import java.security.SecureRandom;
import org.jspecify.annotations.Nullable;

/**
 * The current {@link AgentSettings}: the template plus the fleet identifier key and config version from the
 * store. Resolved on first use (so a collector starts while the database is down) and then cached.
 */
final class AgentSettingsSource {

  private final FleetSettings settings;
  private final AgentConfigTemplate template;
  private final Clock clock;
  private volatile @Nullable AgentSettings current;

  AgentSettingsSource(FleetSettings settings, AgentConfigTemplate template, Clock clock) {
    this.settings = requireNonNull(settings, "settings");
    this.template = requireNonNull(template, "template");
    this.clock = requireNonNull(clock, "clock");
  }

  /** @throws StoreUnavailableException when the store cannot be reached yet */
  AgentSettings current() {
    AgentSettings s = current;
    if (s != null) {
      return s;
    }
    synchronized (this) {
      if (current == null) {
        byte[] key = settings.identifierKey(AgentSettingsSource::newKey);
        long version;
        try {
          version = settings.agentConfigVersion(template.fingerprint(), clock.now());
        } catch (StoreUnavailableException e) { // another collector published the same version first
          version = settings.agentConfigVersion(template.fingerprint(), clock.now());
        }
        current = new AgentSettings(version, template.reportIntervalSeconds(), template.fullInventoryIntervalSeconds(),
            template.enabledProbes(), template.privacyMode(), key, template.spoolMaxBytes(),
            template.cpuLimitPermille(), template.memoryLimitBytes());
      }
      return current;
    }
  }

  private static byte[] newKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }
}
