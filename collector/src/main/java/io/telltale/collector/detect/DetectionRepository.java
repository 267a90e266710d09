package io.telltale.collector.detect;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What detection keeps: the evidence ledger, hour bits, network-key sightings, links, venue marks, verdicts
 * and their history. Ledger writes are idempotent merges (first/last seen, bitwise OR, set union), so the
 * stored state does not depend on the order or the number of times a report was processed; a verdict is
 * compared with the stored one where it is written, so storing it again, or from another collector, adds no
 * history. Blocking calls; thread-safe; failures are {@link RuntimeException}s the engine counts and retries
 * on the next report.
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

  /**
   * Stores a device's latest verdict, and appends it to the history when its {@link Verdict#outcome() outcome}
   * differs from the stored verdict's ({@link Verdict#sameOutcome}), or none is stored. The store compares with
   * what it holds, in the transaction that writes: collectors storing the same change add one history entry
   * between them, and a change is recorded whatever the caller believed was stored.
   *
   * @return whether the verdict was appended to the history
   */
  default boolean saveVerdict(Verdict verdict) {
    return !saveVerdicts(List.of(verdict)).isEmpty();
  }

  /**
   * Stores verdicts, in order, each as {@link #saveVerdict} (a device's second verdict is compared with its
   * first), in one transaction: an evaluation round writes its verdicts together rather than taking the
   * database's write lock per device.
   *
   * @return the verdicts appended to the history, in order
   */
  List<Verdict> saveVerdicts(List<Verdict> verdicts);

  /**
   * For verdicts a caller holds as the stored ones (a cache), the stored verdicts that have replaced them: those
   * that differ in computation time, policy version, flag, score or cluster (another collector stored one).
   * One read for a whole round, returning rows only for the devices whose verdict moved; a device with no
   * stored verdict is left out.
   */
  java.util.Map<String, Verdict> replacedVerdicts(Collection<Verdict> held);

  /** Whether {@code stored} is another verdict than {@code held}, as {@link #replacedVerdicts} tells them apart. */
  static boolean replaced(Verdict held, Verdict stored) {
    return !stored.computedAt().equals(held.computedAt()) || !stored.policyVersion().equals(held.policyVersion())
        || stored.flagged() != held.flagged() || stored.score() != held.score()
        || !java.util.Objects.equals(stored.clusterId(), held.clusterId());
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
