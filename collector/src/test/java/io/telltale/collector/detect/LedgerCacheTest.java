package io.telltale.collector.detect;

import static io.telltale.collector.detect.TestObjects.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The ledger cache answers what the store it fronts would answer, writes only changes beyond its resolution,
 * and goes back to the store whenever it cannot vouch for its copy.
 */
class LedgerCacheTest {

  private static final NetworkKey BSSID = new NetworkKey(NetworkKey.BSSID, "hmac:b");
  private static final NetworkKey IP = new NetworkKey(NetworkKey.PUBLIC_IP, "192.0.2.7");

  private final MovableClock clock = new MovableClock(T0.plus(Duration.ofDays(3)));
  private final EvidenceExtractor extractor = new EvidenceExtractor(CATALOGUE);
  private final CountingRepository stored = new CountingRepository();
  private final LedgerCache cache = new LedgerCache(stored, clock, Duration.ofDays(7), 100);

  private DetectionRepository.Contribution heartbeat(String device, long seq, Duration at) {
    var r = report(device).seq(seq).at(at).software(anyDesk()).ip(IP.value()).activity(5, 2, 0, 0, 0, "").build();
    return new DetectionRepository.Contribution(extractor.extract(r), List.of(BSSID), Set.of(IP));
  }

  @Test
  void readsMatchAnUncachedRepository_andTheStoreLagsByLessThanTheResolution() {
    InMemoryDetectionRepository plain = new InMemoryDetectionRepository();
    for (int i = 1; i <= 60; i++) { // one report every five minutes for five hours
      var c = heartbeat("d", i, Duration.ofMinutes(5L * i));
      cache.record(List.of(c));
      plain.record(List.of(c));
    }
    assertThat(cache.evidence("d", Instant.EPOCH)).containsExactlyInAnyOrderElementsOf(plain.evidence("d", Instant.EPOCH));
    assertThat(cache.hours("d", T0, T0.plus(Duration.ofDays(1)))).isEqualTo(plain.hours("d", T0, T0.plus(Duration.ofDays(1))));
    assertThat(cache.seen("d")).isEqualTo(plain.seen("d"));
    assertThat(stored.evidence("d", Instant.EPOCH)).hasSameSizeAs(plain.evidence("d", Instant.EPOCH))
        .allSatisfy(r -> assertThat(Duration.between(r.lastSeen(), T0.plus(Duration.ofMinutes(300))))
            .isLessThan(LedgerCache.RESOLUTION));
    assertThat(stored.seen("d")).isEqualTo(plain.seen("d")); // span and processed sequence are exact
  }

  @Test
  void aHeartbeatRepeatingWhatWasJustSeen_writesNoEvidence_andFindsNoFreshKeys() {
    assertThat(cache.recordFresh(List.of(heartbeat("d", 1, Duration.ZERO)))).containsExactly(List.of(BSSID));
    int written = stored.evidenceWritten.get();
    assertThat(written).isPositive();

    assertThat(cache.recordFresh(List.of(heartbeat("d", 2, Duration.ofMinutes(5))))).containsExactly(List.of());
    assertThat(stored.evidenceWritten.get()).isEqualTo(written);

    assertThat(cache.recordFresh(List.of(heartbeat("d", 3, Duration.ofMinutes(10))))).containsExactly(List.of(BSSID));
    assertThat(stored.evidenceWritten.get()).isEqualTo(2 * written);
  }

  @Test
  void anEarlierSighting_isWrittenAndFreshAtOnce() {
    cache.record(List.of(heartbeat("d", 5, Duration.ofHours(5))));
    assertThat(cache.recordFresh(List.of(heartbeat("d", 2, Duration.ofHours(2))))).containsExactly(List.of(BSSID));
    assertThat(stored.evidence("d", Instant.EPOCH))
        .allSatisfy(r -> assertThat(r.firstSeen()).isEqualTo(T0.plus(Duration.ofHours(2))));
  }

  @Test
  void aFailedWrite_forgetsTheBatch_andTheNextReadComesFromTheStore() {
    cache.record(List.of(heartbeat("d", 1, Duration.ZERO)));
    stored.failNext.set(true);
    assertThatThrownBy(() -> cache.record(List.of(heartbeat("d", 2, Duration.ofHours(1)))))
        .hasMessageContaining("database down");
    // Nothing of report 2 is stored, so nothing of it may be answered.
    assertThat(cache.seen("d")).get().extracting(DetectionRepository.SeenSpan::last).isEqualTo(T0);
    cache.record(List.of(heartbeat("d", 2, Duration.ofHours(1))));
    assertThat(cache.seen("d")).get().extracting(DetectionRepository.SeenSpan::processedSequence).isEqualTo(2L);
  }

  @Test
  void linksStoredByAnotherCollector_showUpWithinTheTtl() {
    assertThat(cache.links("a", T0)).isEmpty();
    stored.upsertLinks(List.of(Link.of("a", "b", BSSID, T0, T0.plusSeconds(60)))); // behind the cache's back
    assertThat(cache.links("a", T0)).isEmpty();
    clock.advance(LedgerCache.LINK_TTL);
    assertThat(cache.links("a", T0)).extracting(Link::deviceB).containsExactly("b");
    cache.upsertLinks(List.of(Link.of("c", "a", IP, T0, T0.plusSeconds(30)))); // through the cache: at once
    assertThat(cache.links("a", T0)).hasSize(2);
  }

  @Test
  void venues_areRemembered_andNonVenuesAskedAgainAfterTheTtl() {
    assertThat(cache.venues(List.of(IP))).isEmpty();
    stored.record(List.of(heartbeat("x", 1, Duration.ZERO))); // another collector marks IP a venue
    assertThat(cache.venues(List.of(IP))).isEmpty();
    clock.advance(LedgerCache.NOT_VENUE_TTL);
    assertThat(cache.venues(List.of(IP))).containsExactly(IP);
  }

  @Test
  void hoursOlderThanTheHorizon_areReadFromTheStore() {
    LedgerCache shortCache = new LedgerCache(stored, clock, Duration.ofDays(1), 100);
    stored.record(List.of(heartbeat("d", 1, Duration.ZERO))); // three days before the clock
    Instant from = T0.minus(Duration.ofHours(2));
    Instant to = T0.plus(Duration.ofHours(1));
    assertThat(shortCache.hours("d", from, to)).isNotEmpty().isEqualTo(stored.hours("d", from, to));
    assertThat(shortCache.hours("d", clock.instant().minus(Duration.ofHours(1)), clock.instant())).isEmpty();
  }

  @Test
  void leastRecentlyUsedDevicesAreDropped_andReloadTheSame() {
    LedgerCache tiny = new LedgerCache(stored, clock, Duration.ofDays(7), 1);
    tiny.record(List.of(heartbeat("a", 1, Duration.ZERO)));
    tiny.record(List.of(heartbeat("b", 1, Duration.ZERO)));
    assertThat(tiny.evidence("a", Instant.EPOCH)).isNotEmpty()
        .containsExactlyInAnyOrderElementsOf(stored.evidence("a", Instant.EPOCH));
    assertThat(tiny.seen("a")).isEqualTo(stored.seen("a"));
  }

  /** The in-memory repository, counting evidence writes and failing on demand. */
  private static final class CountingRepository extends ForwardingRepository {
    final AtomicInteger evidenceWritten = new AtomicInteger();
    final AtomicBoolean failNext = new AtomicBoolean();

    CountingRepository() {
      super(new InMemoryDetectionRepository());
    }

    @Override
    public void record(List<Contribution> batch) {
      if (failNext.getAndSet(false)) {
        throw new IllegalStateException("database down");
      }
      List<Contribution> copy = new ArrayList<>(batch);
      copy.forEach(c -> evidenceWritten.addAndGet(c.extraction().evidence().size()));
      super.record(copy);
    }
  }

  /** Every call goes to {@code d}. */
  private abstract static class ForwardingRepository implements DetectionRepository {
    private final DetectionRepository d;

    ForwardingRepository(DetectionRepository d) {
      this.d = d;
    }

    @Override
    public void record(List<Contribution> batch) {
      d.record(batch);
    }

    @Override
    public Optional<SeenSpan> seen(String deviceId) {
      return d.seen(deviceId);
    }

    @Override
    public Map<String, Long> processedSequences() {
      return d.processedSequences();
    }

    @Override
    public List<EvidenceRecord> evidence(String deviceId, Instant since) {
      return d.evidence(deviceId, since);
    }

    @Override
    public List<HourBits> hours(String deviceId, Instant from, Instant to) {
      return d.hours(deviceId, from, to);
    }

    @Override
    public List<KeySighting> sharing(NetworkKey key, Instant from, Instant to) {
      return d.sharing(key, from, to);
    }

    @Override
    public Set<NetworkKey> venues(Collection<NetworkKey> keys) {
      return d.venues(keys);
    }

    @Override
    public void upsertLinks(List<Link> links) {
      d.upsertLinks(links);
    }

    @Override
    public List<Link> links(String deviceId, Instant since) {
      return d.links(deviceId, since);
    }

    @Override
    public Optional<Verdict> verdict(String deviceId) {
      return d.verdict(deviceId);
    }

    @Override
    public List<Verdict> saveVerdicts(List<Verdict> verdicts) {
      return d.saveVerdicts(verdicts);
    }

    @Override
    public java.util.Map<String, Verdict> replacedVerdicts(java.util.Collection<Verdict> held) {
      return d.replacedVerdicts(held);
    }

    @Override
    public List<Verdict> verdicts() {
      return d.verdicts();
    }

    @Override
    public List<Verdict> history(String deviceId) {
      return d.history(deviceId);
    }
  }

  private static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
