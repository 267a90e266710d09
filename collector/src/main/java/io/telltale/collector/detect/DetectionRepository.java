package io.telltale.collector.detect;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What detection keeps: the evidence ledger, hour bits, network-key sightings, links, venue marks, verdicts
 * and their history. All writes are idempotent merges (first/last seen, bitwise OR, set union), so the
 * stored state does not depend on the order or the number of times a report was processed. Blocking calls;
 * thread-safe; failures are {@link RuntimeException}s the engine counts and retries on the next report.
 */
public interface DetectionRepository {

  /** Merges the contributions of a batch of reports in one transaction. */
  void record(List<Contribution> batch);

  /** What one report adds: its extraction, its shareable keys, and those of them seen at a venue. */
  record Contribution(EvidenceExtractor.Extraction extraction, List<NetworkKey> keys, Set<NetworkKey> venueKeys) {
    public Contribution {
      keys = List.copyOf(keys);
      venueKeys = Set.copyOf(venueKeys);
    }
  }

  /**
   * First and last observation of a device (observed time corrected to the collector clock), and the newest
   * report sequence recorded.
   */
  Optional<SeenSpan> seen(String deviceId);

  /** {@link SeenSpan#processedSequence()} of every device recorded. */
  java.util.Map<String, Long> processedSequences();

  /** Evidence of a device last seen at or after {@code since}. */
  List<EvidenceRecord> evidence(String deviceId, Instant since);

  /** Hour bits of a device with hour start in [from, to). */
  List<HourBits> hours(String deviceId, Instant from, Instant to);

  /** Devices seen with {@code key} during a span overlapping [from, to]: an index lookup on (kind, value). */
  List<KeySighting> sharing(NetworkKey key, Instant from, Instant to);

  /** Keys seen at a company network or shared venue (office, hotel, coworking): never link devices. */
  Set<NetworkKey> venues(Collection<NetworkKey> keys);

  void upsertLinks(List<Link> links);

  /** Links touching the device last seen at or after {@code since}. */
  List<Link> links(String deviceId, Instant since);

  Optional<Verdict> verdict(String deviceId);

  /** Stores the latest verdict; appends to the history when the outcome changed. */
  void saveVerdict(Verdict verdict, boolean outcomeChanged);

  /** One verdict to store, and whether its outcome changed (history). */
  record VerdictWrite(Verdict verdict, boolean outcomeChanged) {}

  /**
   * Stores several verdicts, as {@link #saveVerdict} each, in as few transactions as the store can: an
   * evaluation round writes its verdicts together rather than taking the database's write lock per device.
   */
  default void saveVerdicts(List<VerdictWrite> writes) {
    writes.forEach(w -> saveVerdict(w.verdict(), w.outcomeChanged()));
  }

  List<Verdict> verdicts();

  /** Outcome changes of a device, oldest first. */
  List<Verdict> history(String deviceId);

  /**
   * When a device was first and last observed, and the highest report sequence recorded for it (detection
   * records a device's reports in sequence order, so every report up to it was recorded).
   */
  record SeenSpan(Instant first, Instant last, long processedSequence) {}
}
