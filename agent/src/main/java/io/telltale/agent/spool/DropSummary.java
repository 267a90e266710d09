package io.telltale.agent.spool;

/**
 * Reports the spool dropped (oldest heartbeats first) and not yet told to the collector: how many, and the
 * first and last dropped sequence number (inclusive). {@link #NONE} when nothing was dropped.
 */
public record DropSummary(int count, long firstSequence, long lastSequence) {

  public static final DropSummary NONE = new DropSummary(0, 0, 0);

  public DropSummary {
    if (count < 0) {
      throw new IllegalArgumentException("count: " + count + " (expected: >= 0)");
    }
  }

  public boolean isEmpty() {
    return count == 0;
  }

  DropSummary plus(long sequence) {
    if (count == 0) {
      return new DropSummary(1, sequence, sequence);
    }
    return new DropSummary(count + 1, Math.min(firstSequence, sequence), Math.max(lastSequence, sequence));
  }

  /** What remains after the collector acknowledged a report that carried {@code reported}. */
  DropSummary minus(DropSummary reported) {
    if (reported.count == 0) {
      return this;
    }
    if (reported.count >= count) {
      return NONE;
    }
    return new DropSummary(count - reported.count, reported.lastSequence + 1, lastSequence);
  }
}
