package io.telltale.agent.transport;

import io.telltale.agent.config.RemoteConfig;
import io.telltale.proto.v1.AgentConfig;
import io.telltale.proto.v1.PrivacyMode;

/** Wire {@code AgentConfig} to {@link RemoteConfig} (the identifier key travels separately). */
final class ConfigMapper {

  private ConfigMapper() {}

  static RemoteConfig fromProto(AgentConfig c) {
    return new RemoteConfig(
        c.getVersion(),
        c.getReportIntervalSeconds(),
        c.getFullInventoryIntervalSeconds(),
        c.getEnabledProbesList(),
        c.getPrivacyMode() == PrivacyMode.PRIVACY_MODE_PLAIN
            ? RemoteConfig.PrivacyMode.PLAIN : RemoteConfig.PrivacyMode.HASHED,
        c.getSpoolMaxBytes(),
        c.getCpuLimitPermille(),
        c.getMemoryLimitBytes());
  }
}
