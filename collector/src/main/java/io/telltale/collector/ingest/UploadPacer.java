package io.telltale.collector.ingest;

import io.telltale.collector.internal.Preconditions;

/**
 * Tells each agent when to report next (STYLE #9). Each device gets a fixed slot within the interval, from a
 * hash of its id, so a fleet that reconnects at once spreads out again within one interval. Under backlog
 * (the ingest queue filling up) every delay stretches, up to 4x when the queue is full.
 */
public final class UploadPacer {

  private final long intervalMs;

  public UploadPacer(long intervalMs) {
    Preconditions.checkArgument(intervalMs >= 1_000, "intervalMs: %s (expected: >= 1000)", intervalMs);
    this.intervalMs = intervalMs;
  }

  /**
   * @param nowMs collector clock
   * @param backlog queue fill between 0 (empty) and 1 (full)
   * @return delay in ms until the device's next slot, at least half an interval away
   */
  public long nextDelayMs(String deviceId, long nowMs, double backlog) {
    long slot = Math.floorMod(mix(deviceId.hashCode()), intervalMs);
    long intoInterval = Math.floorMod(nowMs, intervalMs);
    long delay = Math.floorMod(slot - intoInterval, intervalMs);
    if (delay < intervalMs / 2) {
      delay += intervalMs;
    }
    double stretch = 1.0 + 3.0 * Math.max(0.0, Math.min(1.0, backlog));
    return (long) (delay * stretch);
  }

  /** Spreads String.hashCode's weak low bits (UUID strings differ mostly in a few characters). */
  private static long mix(int h) {
    long x = h * 0x9E3779B97F4A7C15L;
    return x ^ (x >>> 29);
  }
}
