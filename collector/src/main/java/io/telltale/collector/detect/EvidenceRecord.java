package io.telltale.collector.detect;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** Evidence with the first and last time a report showed it (collector-corrected device time). */
public record EvidenceRecord(Evidence evidence, Instant firstSeen, Instant lastSeen) {
  public EvidenceRecord {
    requireNonNull(evidence, "evidence");
    requireNonNull(firstSeen, "firstSeen");
    requireNonNull(lastSeen, "lastSeen");
  }

  /** Merges two sightings of the same evidence: earliest first, latest last, latest wording. */
  public EvidenceRecord merge(EvidenceRecord o) {
    Instant first = firstSeen.isBefore(o.firstSeen) ? firstSeen : o.firstSeen;
    Instant last = lastSeen.isAfter(o.lastSeen) ? lastSeen : o.lastSeen;
    return new EvidenceRecord(lastSeen.isAfter(o.lastSeen) ? evidence : o.evidence, first, last);
  }
}
