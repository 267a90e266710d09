package io.telltale.agent.transport;

import io.telltale.agent.probe.HardwareFacts;
import io.telltale.agent.probe.LocaleFacts;
import io.telltale.agent.probe.NetworkFacts;
import io.telltale.agent.probe.SoftwareFacts;
import io.telltale.proto.v1.Hardware;
import io.telltale.proto.v1.Locale;
import io.telltale.proto.v1.Network;
import io.telltale.proto.v1.Software;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The last mapping of each slow-changing section, reused while the observed records are equal: an agent
 * observes the same software, hardware, network and locale pass after pass, and mapping them (network
 * identifiers hashed with HMAC) is most of what a heartbeat cycle costs. Equal records give the very same
 * message instance, which also makes {@link ReportComposer}'s "did anything slow change" check a pointer
 * comparison. Not thread-safe (one per device's filler).
 */
final class MemoizedSections {

  private final Slot<SoftwareFacts, Software> software = new Slot<>();
  private final Slot<HardwareFacts, Hardware> hardware = new Slot<>();
  private final Slot<NetworkFacts, Network> network = new Slot<>();
  private final Slot<LocaleFacts, Locale> locale = new Slot<>();

  Software software(SoftwareFacts facts, Function<SoftwareFacts, Software> map) {
    return software.get(facts, map);
  }

  Hardware hardware(HardwareFacts facts, Function<HardwareFacts, Hardware> map) {
    return hardware.get(facts, map);
  }

  Network network(NetworkFacts facts, Function<NetworkFacts, Network> map) {
    return network.get(facts, map);
  }

  Locale locale(LocaleFacts facts, Function<LocaleFacts, Locale> map) {
    return locale.get(facts, map);
  }

  private static final class Slot<R, M> {
    private @Nullable R record;
    private @Nullable M message;

    M get(R facts, Function<R, M> map) {
      if (message == null || !facts.equals(record)) {
        message = map.apply(facts);
        record = facts;
      }
      return message;
    }
  }
}
