package io.telltale.collector.bench;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A lock-free latency histogram in microseconds: 8 buckets per power of two (values within ~12 %), enough to
 * tell a 2 ms p99 from a 20 ms one. Percentiles report the bucket's upper bound.
 */
final class LatencyRecorder {

  private static final int SUB = 8;
  private final AtomicLongArray counts = new AtomicLongArray(64 * SUB);

  void recordNanos(long nanos) {
    counts.incrementAndGet(bucket(Math.max(0, nanos / 1_000)));
  }

  void reset() {
    for (int i = 0; i < counts.length(); i++) {
      counts.set(i, 0);
    }
  }

  long count() {
    long n = 0;
    for (int i = 0; i < counts.length(); i++) {
      n += counts.get(i);
    }
    return n;
  }

  /** The {@code p}-th percentile (0..100) in milliseconds; 0 when nothing was recorded. */
  double percentileMs(double p) {
    long total = count();
    if (total == 0) {
      return 0;
    }
    long rank = (long) Math.ceil(total * p / 100.0);
    long seen = 0;
    for (int i = 0; i < counts.length(); i++) {
      seen += counts.get(i);
      if (seen >= rank) {
        return upperBoundMicros(i) / 1000.0;
      }
    }
    return upperBoundMicros(counts.length() - 1) / 1000.0;
  }

  static int bucket(long micros) {
    if (micros < SUB) {
      return (int) micros;
    }
    int msb = 63 - Long.numberOfLeadingZeros(micros); // >= 3
    int sub = (int) ((micros >>> (msb - 3)) & (SUB - 1));
    return (msb - 2) * SUB + sub;
  }

  static long upperBoundMicros(int bucket) {
    if (bucket < SUB) {
      return bucket;
    }
    int msb = bucket / SUB + 2;
    int sub = bucket % SUB;
    return ((long) (SUB + sub + 1) << (msb - 3)) - 1;
  }

  String summary() {
    return String.format("p50 %.1f ms, p99 %.1f ms, max %.0f ms", percentileMs(50), percentileMs(99), percentileMs(100));
  }
}
