package io.telltale.collector.detect;

import static java.util.Objects.requireNonNull;

import io.telltale.collector.internal.Preconditions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The evidence ledger of recently active devices in memory, in front of the stored one. Evaluating a
 * device reads its evidence, hour bits, observation span and links; reading them from the database for
 * every report is what kept detection from keeping up with ingest. This cache keeps them for up to
 * {@code maxDevices} devices (least recently used go), answers reads from memory and writes through only
 * what changes the stored ledger by more than {@link #RESOLUTION}:
 *
 * <ul>
 *   <li>an evidence item is rewritten when it is new, seen earlier than stored, worded differently, or its
 *       stored last sighting is {@link #RESOLUTION} or more behind (a heartbeat repeating the same AnyDesk
 *       process five minutes later writes nothing);
 *   <li>hour bits are written only when the OR adds a bit or an IP;
 *   <li>a key sighting is written when new or {@link #RESOLUTION} newer than stored; only such keys are worth
 *       a correlation lookup ({@link #record} says which);
 *   <li>the device's span and processed sequence are written with every report (one row).
 * </ul>
 *
 * The stored ledger therefore lags what this cache answers by less than {@link #RESOLUTION}, against
 * lookbacks of days. Merges are the repository's own (earliest first, latest last, bitwise OR), so a
 * reloaded device reads the same as a cached one up to that lag. When a write fails, the devices of the
 * batch are forgotten and reload from the store. Links and venue marks are cached too, links for
 * {@link #LINK_TTL} so that links another collector stored show up. Thread-safe (one lock).
 */
final class LedgerCache implements DetectionRepository {

  /** How far the stored last-seen times may lag. Correlation windows and lookbacks are days. */
  static final Duration RESOLUTION = Duration.ofMinutes(10);
  /** How long a device's cached links are trusted before re-reading them (links stored by other collectors). */
  static final Duration LINK_TTL = Duration.ofMinutes(5);
  /** How long "not a venue" is trusted (another collector may mark the key). */
  static final Duration NOT_VENUE_TTL = Duration.ofMinutes(5);
  private static final int MAX_VENUE_MARKS = 100_000;
  /** The latest instant every store can represent (milliseconds since the epoch). */
  private static final Instant END_OF_TIME = Instant.ofEpochMilli(Long.MAX_VALUE);
  /** Links are identified by their ends and key, whatever their span. */
  private static final Comparator<Link> LINK_ORDER = Comparator.comparing(Link::deviceA)
      .thenComparing(Link::deviceB).thenComparing(l -> l.key().kind()).thenComparing(l -> l.key().value());

  private final DetectionRepository store;
  private final Clock clock;
  private final Duration horizon;
  private final Map<String, Ledger> devices;
  private final Map<String, CachedLinks> links;
  private final Map<NetworkKey, Instant> venueMarks;

  /** One device's ledger: what it has (merged) and what the store is known to have. */
  private static final class Ledger {
    final Map<String, EvidenceRecord> evidence = new HashMap<>();
    final Map<String, Instant> storedLast = new HashMap<>();
    final TreeMap<Instant, HourBits> hours = new TreeMap<>();
    /** Hours at or after this are all here; older ones are read from the store. */
    final Instant hoursFrom;
    final Map<NetworkKey, Instant[]> keySpans = new HashMap<>();
    SeenSpan seen;

    Ledger(Instant hoursFrom, SeenSpan seen) {
      this.hoursFrom = hoursFrom;
      this.seen = seen;
    }
  }

  /** A device's links, keyed by ends and key ({@link #LINK_ORDER}), as read at {@code loadedAt}. */
  private record CachedLinks(Instant since, Instant loadedAt, Map<Link, Link> links) {}

  /**
   * @param horizon how much hour history to keep per device: the longest lookback a policy uses
   * @param maxDevices devices whose ledger is kept in memory
   */
  LedgerCache(DetectionRepository store, Clock clock, Duration horizon, int maxDevices) {
    Preconditions.checkArgument(maxDevices >= 1, "maxDevices: %s (expected: >= 1)", maxDevices);
    this.store = requireNonNull(store, "store");
    this.clock = requireNonNull(clock, "clock");
    this.horizon = requireNonNull(horizon, "horizon");
    this.devices = lru(maxDevices);
    this.links = lru(maxDevices);
    this.venueMarks = lru(MAX_VENUE_MARKS);
  }

  private static <K, V> Map<K, V> lru(int max) {
    return new LinkedHashMap<>(Math.min(max, 4096), 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > max;
      }
    };
  }

  @Override
  public void record(List<Contribution> batch) {
    recordFresh(batch);
  }

  /**
   * Merges a batch, writes what changes the stored ledger, and returns per contribution the keys whose
   * sighting was new or {@link #RESOLUTION} newer than stored: the ones worth a correlation lookup.
   */
  synchronized List<List<NetworkKey>> recordFresh(List<Contribution> batch) {
    List<Contribution> writes = new ArrayList<>(batch.size());
    List<List<NetworkKey>> fresh = new ArrayList<>(batch.size());
    for (Contribution c : batch) {
      EvidenceExtractor.Extraction x = c.extraction();
      Ledger l = ledger(x.deviceId());
      List<Evidence> evidence = new ArrayList<>();
      for (Evidence e : x.evidence()) {
        if (mergeEvidence(l, e, x.seenAt())) {
          evidence.add(e);
        }
      }
      List<HourBits> hours = new ArrayList<>();
      for (HourBits b : x.hours()) {
        HourBits old = l.hours.get(b.hour());
        HourBits merged = old == null ? b : old.merge(b);
        if (!merged.equals(old)) {
          hours.add(b);
          if (!b.hour().isBefore(l.hoursFrom)) {
            l.hours.put(b.hour(), merged);
          }
        }
      }
      List<NetworkKey> keys = new ArrayList<>();
      for (NetworkKey k : c.keys()) {
        if (mergeKey(l, k, x.seenAt())) {
          keys.add(k);
        }
      }
      Set<NetworkKey> venues = new HashSet<>();
      for (NetworkKey k : c.venueKeys()) {
        if (venueMarks.get(k) != Instant.MAX) {
          venues.add(k);
        }
      }
      l.seen = new SeenSpan(min(l.seen.first(), x.seenAt()), max(l.seen.last(), x.seenAt()),
          Math.max(l.seen.processedSequence(), x.sequence()));
      writes.add(new Contribution(new EvidenceExtractor.Extraction(x.deviceId(), x.sequence(), x.seenAt(), evidence,
          hours), keys, venues));
      fresh.add(keys);
    }
    try {
      store.record(writes);
    } catch (RuntimeException e) {
      batch.forEach(c -> devices.remove(c.extraction().deviceId()));
      throw e;
    }
    for (Contribution c : writes) {
      c.venueKeys().forEach(k -> venueMarks.put(k, Instant.MAX));
    }
    return fresh;
  }

  private boolean mergeEvidence(Ledger l, Evidence e, Instant seenAt) {
    String id = e.signal() + "\u0000" + e.key();
    EvidenceRecord old = l.evidence.get(id);
    EvidenceRecord merged = old == null ? new EvidenceRecord(e, seenAt, seenAt)
        : old.merge(new EvidenceRecord(e, seenAt, seenAt));
    l.evidence.put(id, merged);
    Instant stored = l.storedLast.get(id);
    boolean write = old == null || stored == null || merged.firstSeen().isBefore(old.firstSeen())
        || !merged.evidence().equals(old.evidence()) || !seenAt.isBefore(stored.plus(RESOLUTION));
    if (write) {
      l.storedLast.put(id, stored == null || seenAt.isAfter(stored) ? seenAt : stored);
    }
    return write;
  }

  private static boolean mergeKey(Ledger l, NetworkKey k, Instant seenAt) {
    Instant[] span = l.keySpans.get(k);
    if (span == null) {
      l.keySpans.put(k, new Instant[] {seenAt, seenAt});
      return true;
    }
    if (seenAt.isBefore(span[0]) || !seenAt.isBefore(span[1].plus(RESOLUTION))) {
      span[0] = min(span[0], seenAt);
      span[1] = max(span[1], seenAt);
      return true;
    }
    return false;
  }

  private Ledger ledger(String deviceId) {
    Ledger l = devices.get(deviceId);
    if (l != null) {
      return l;
    }
    Instant hoursFrom = clock.instant().minus(horizon);
    SeenSpan seen = store.seen(deviceId).orElse(new SeenSpan(Instant.MAX, Instant.MIN, 0));
    l = new Ledger(hoursFrom, seen);
    for (EvidenceRecord r : store.evidence(deviceId, Instant.EPOCH)) {
      String id = r.evidence().signal() + "\u0000" + r.evidence().key();
      l.evidence.put(id, r);
      l.storedLast.put(id, r.lastSeen());
    }
    for (HourBits b : store.hours(deviceId, hoursFrom, END_OF_TIME)) {
      l.hours.put(b.hour(), b);
    }
    devices.put(deviceId, l);
    return l;
  }

  /** Forgets a device's cached ledger and links (its stored ledger changed behind this cache). */
  synchronized void invalidate(String deviceId) {
    devices.remove(deviceId);
    links.remove(deviceId);
  }

  @Override
  public synchronized Optional<SeenSpan> seen(String deviceId) {
    SeenSpan s = ledger(deviceId).seen;
    return s.first().equals(Instant.MAX) ? Optional.empty() : Optional.of(s);
  }

  @Override
  public Map<String, Long> processedSequences() {
    return store.processedSequences(); // written with every report: the store is exact
  }

  @Override
  public synchronized List<EvidenceRecord> evidence(String deviceId, Instant since) {
    List<EvidenceRecord> out = new ArrayList<>();
    for (EvidenceRecord r : ledger(deviceId).evidence.values()) {
      if (!r.lastSeen().isBefore(since)) {
        out.add(r);
      }
    }
    out.sort(Comparator.comparing((EvidenceRecord r) -> r.evidence().signal())
        .thenComparing(r -> r.evidence().key()));
    return out;
  }

  @Override
  public synchronized List<HourBits> hours(String deviceId, Instant from, Instant to) {
    Ledger l = ledger(deviceId);
    if (from.isBefore(l.hoursFrom)) {
      return store.hours(deviceId, from, to); // older than the cached horizon: the stored lag is irrelevant there
    }
    if (l.hours.size() > horizon.toHours() + 48) {
      l.hours.headMap(clock.instant().minus(horizon)).clear();
    }
    return List.copyOf(l.hours.subMap(from, true, to, false).values());
  }

  @Override
  public List<KeySighting> sharing(NetworkKey key, Instant from, Instant to) {
    return store.sharing(key, from, to);
  }

  @Override
  public synchronized Set<NetworkKey> venues(Collection<NetworkKey> keys) {
    Set<NetworkKey> out = new HashSet<>();
    List<NetworkKey> ask = new ArrayList<>();
    Instant now = clock.instant();
    for (NetworkKey k : keys) {
      Instant mark = venueMarks.get(k);
      if (mark == Instant.MAX) {
        out.add(k);
      } else if (mark == null || !now.isBefore(mark)) {
        ask.add(k);
      }
    }
    if (!ask.isEmpty()) {
      Set<NetworkKey> found = store.venues(ask);
      for (NetworkKey k : ask) {
        venueMarks.put(k, found.contains(k) ? Instant.MAX : now.plus(NOT_VENUE_TTL));
      }
      out.addAll(found);
    }
    return out;
  }

  @Override
  public synchronized void upsertLinks(List<Link> list) {
    store.upsertLinks(list);
    for (Link l : list) {
      for (String end : List.of(l.deviceA(), l.deviceB())) {
        CachedLinks c = links.get(end);
        if (c != null) {
          c.links().merge(l, l, Link::merge);
        }
      }
    }
  }

  @Override
  public synchronized List<Link> links(String deviceId, Instant since) {
    CachedLinks c = links.get(deviceId);
    Instant now = clock.instant();
    if (c == null || since.isBefore(c.since()) || !now.isBefore(c.loadedAt().plus(LINK_TTL))) {
      c = new CachedLinks(since, now, new TreeMap<>(LINK_ORDER));
      for (Link l : store.links(deviceId, since)) {
        c.links().merge(l, l, Link::merge);
      }
      links.put(deviceId, c);
    }
    List<Link> out = new ArrayList<>();
    for (Link l : c.links().values()) {
      if (!l.lastSeen().isBefore(since)) {
        out.add(l);
      }
    }
    return out;
  }

  @Override
  public Optional<Verdict> verdict(String deviceId) {
    return store.verdict(deviceId);
  }

  @Override
  public List<Verdict> saveVerdicts(List<Verdict> verdicts) {
    return store.saveVerdicts(verdicts);
  }

  @Override
  public Map<String, Verdict> replacedVerdicts(Collection<Verdict> held) {
    return store.replacedVerdicts(held);
  }

  @Override
  public List<Verdict> verdicts() {
    return store.verdicts();
  }

  @Override
  public List<Verdict> history(String deviceId) {
    return store.history(deviceId);
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
