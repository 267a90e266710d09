package io.telltale.collector.detect;

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

/**
 * A {@link DetectionRepository} in memory: for tests, {@code policy test} previews and {@code evaluate}'s
 * throwaway runs. Thread-safe (one lock); nothing survives a restart.
 */
public final class InMemoryDetectionRepository implements DetectionRepository {

  private final Map<String, Map<String, EvidenceRecord>> evidence = new HashMap<>();
  private final Map<String, Map<Instant, HourBits>> hours = new HashMap<>();
  private final Map<NetworkKey, Map<String, KeySighting>> sightings = new HashMap<>();
  private final Set<NetworkKey> venues = new HashSet<>();
  private final Map<String, Link> links = new HashMap<>();
  private final Map<String, List<Link>> linksByDevice = new HashMap<>();
  private final Map<String, SeenSpan> seen = new HashMap<>();
  private final Map<String, Verdict> verdicts = new LinkedHashMap<>();
  private final Map<String, List<Verdict>> history = new HashMap<>();

  @Override
  public synchronized void record(List<Contribution> batch) {
    for (Contribution c : batch) {
      record(c.extraction(), c.keys(), c.venueKeys());
    }
  }

  private void record(EvidenceExtractor.Extraction x, List<NetworkKey> keys, Set<NetworkKey> venueKeys) {
    Map<String, EvidenceRecord> ev = evidence.computeIfAbsent(x.deviceId(), k -> new HashMap<>());
    for (Evidence e : x.evidence()) {
      ev.merge(e.signal() + "\u0000" + e.key(), new EvidenceRecord(e, x.seenAt(), x.seenAt()), EvidenceRecord::merge);
    }
    Map<Instant, HourBits> h = hours.computeIfAbsent(x.deviceId(), k -> new HashMap<>());
    for (HourBits b : x.hours()) {
      h.merge(b.hour(), b, HourBits::merge);
    }
    for (NetworkKey k : keys) {
      sightings.computeIfAbsent(k, z -> new HashMap<>()).merge(x.deviceId(),
          new KeySighting(x.deviceId(), k, x.seenAt(), x.seenAt()),
          (a, b) -> new KeySighting(a.deviceId(), k, min(a.firstSeen(), b.firstSeen()), max(a.lastSeen(), b.lastSeen())));
    }
    venues.addAll(venueKeys);
    seen.merge(x.deviceId(), new SeenSpan(x.seenAt(), x.seenAt(), x.sequence()),
        (a, b) -> new SeenSpan(min(a.first(), b.first()), max(a.last(), b.last()),
            Math.max(a.processedSequence(), b.processedSequence())));
  }

  @Override
  public synchronized Optional<SeenSpan> seen(String deviceId) {
    return Optional.ofNullable(seen.get(deviceId));
  }

  @Override
  public synchronized Map<String, Long> processedSequences() {
    Map<String, Long> out = new HashMap<>();
    seen.forEach((d, s) -> out.put(d, s.processedSequence()));
    return out;
  }

  @Override
  public synchronized List<EvidenceRecord> evidence(String deviceId, Instant since) {
    return evidence.getOrDefault(deviceId, Map.of()).values().stream()
        .filter(r -> !r.lastSeen().isBefore(since)).toList();
  }

  @Override
  public synchronized List<HourBits> hours(String deviceId, Instant from, Instant to) {
    return hours.getOrDefault(deviceId, Map.of()).values().stream()
        .filter(b -> !b.hour().isBefore(from) && b.hour().isBefore(to))
        .sorted(Comparator.comparing(HourBits::hour)).toList();
  }

  @Override
  public synchronized List<KeySighting> sharing(NetworkKey key, Instant from, Instant to) {
    return sightings.getOrDefault(key, Map.of()).values().stream()
        .filter(s -> !s.lastSeen().isBefore(from) && !s.firstSeen().isAfter(to)).toList();
  }

  @Override
  public synchronized Set<NetworkKey> venues(Collection<NetworkKey> keys) {
    Set<NetworkKey> out = new HashSet<>();
    for (NetworkKey k : keys) {
      if (venues.contains(k)) {
        out.add(k);
      }
    }
    return out;
  }

  @Override
  public synchronized void upsertLinks(List<Link> list) {
    for (Link l : list) {
      String id = l.deviceA() + "\u0000" + l.deviceB() + "\u0000" + l.key().kind() + "\u0000" + l.key().value();
      Link merged = links.merge(id, l, Link::merge);
      for (String d : List.of(l.deviceA(), l.deviceB())) {
        List<Link> mine = linksByDevice.computeIfAbsent(d, k -> new ArrayList<>());
        mine.removeIf(x -> x.deviceA().equals(merged.deviceA()) && x.deviceB().equals(merged.deviceB())
            && x.key().equals(merged.key()));
        mine.add(merged);
      }
    }
  }

  @Override
  public synchronized List<Link> links(String deviceId, Instant since) {
    return linksByDevice.getOrDefault(deviceId, List.of()).stream()
        .filter(l -> !l.lastSeen().isBefore(since)).toList();
  }

  @Override
  public synchronized Optional<Verdict> verdict(String deviceId) {
    return Optional.ofNullable(verdicts.get(deviceId));
  }

  @Override
  public synchronized List<Verdict> saveVerdicts(List<Verdict> list) {
    List<Verdict> changed = new ArrayList<>();
    for (Verdict v : list) {
      Verdict before = verdicts.put(v.deviceId(), v);
      if (!v.sameOutcome(before)) {
        history.computeIfAbsent(v.deviceId(), k -> new ArrayList<>()).add(v);
        changed.add(v);
      }
    }
    return changed;
  }

  @Override
  public synchronized Map<String, Verdict> replacedVerdicts(Collection<Verdict> held) {
    Map<String, Verdict> out = new HashMap<>();
    for (Verdict h : held) {
      Verdict stored = verdicts.get(h.deviceId());
      if (stored != null && DetectionRepository.replaced(h, stored)) {
        out.put(h.deviceId(), stored);
      }
    }
    return out;
  }

  @Override
  public synchronized List<Verdict> verdicts() {
    return List.copyOf(verdicts.values());
  }

  @Override
  public synchronized List<Verdict> history(String deviceId) {
    return List.copyOf(history.getOrDefault(deviceId, List.of()));
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
