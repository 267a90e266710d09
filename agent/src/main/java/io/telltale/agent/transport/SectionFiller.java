package io.telltale.agent.transport;

import io.telltale.agent.config.RemoteConfig.PrivacyMode;
import io.telltale.agent.probe.ActivityRecord;
import io.telltale.agent.probe.Observations;
import io.telltale.proto.v1.ReportRequest;

/**
 * Fills a report's observed sections (system ... activity, errors) from records. The probes' {@code
 * ObservationMapper} is the implementation; this seam lets the delivery code be built and tested on its own.
 */
@FunctionalInterface
public interface SectionFiller {

  void fill(ReportRequest.Builder report, Observations observations, ActivityRecord activity);

  /** Makes the filler for a privacy mode and fleet identifier key (empty = no key yet). */
  @FunctionalInterface
  interface Factory {
    SectionFiller create(PrivacyMode mode, byte[] identifierKey);
  }
}
