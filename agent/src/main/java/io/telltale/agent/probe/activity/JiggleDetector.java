package io.telltale.agent.probe.activity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Finds strictly periodic tiny pointer moves in one device's input stream (one detector per device). Moves
 * less than {@link #BURST_GAP_MS} apart form a burst (NanoKVM sends two moves 100 ms apart, JetKVM a corner
 * snap of two). A burst is tiny when it is short, every step is small and it ends where it started (relative
 * mode), or ends within a small distance of where the pointer was, or exactly where the previous burst
 * ended, or (before any position is known) spans only a small area (absolute mode). Four consecutive tiny bursts whose start intervals agree within
 * {@link #toleranceMs} make a jiggle of that period; every burst of the run is then labelled, and later
 * bursts that keep the period are labelled as they close. Any key press, click or larger move ends a run.
 *
 * <p>Only the last position and the open bursts' timestamps are kept; coordinates never leave this class.
 * Not thread-safe: {@link ActivityRecorder} serialises access.
 */
final class JiggleDetector {

  /** Moves closer together than this belong to one burst. */
  static final long BURST_GAP_MS = 500;
  /** A burst lasting longer than this is a human moving the pointer. */
  static final long MAX_BURST_MS = 1_500;
  /** Largest relative step (counts) and net relative displacement of a tiny burst. */
  static final int MAX_RELATIVE_STEP = 16;
  /** Largest net absolute displacement of a tiny burst: about 1.5 % of the usual 0..32767 range. */
  static final int MAX_ABSOLUTE_NET = 512;
  /** Periods outside this range are not jiggles (key repeat; hour-long coincidences). */
  static final long MIN_PERIOD_MS = 2_000;
  static final long MAX_PERIOD_MS = 600_000;
  /** Intervals needed before a run counts as periodic (four bursts). */
  static final int MIN_INTERVALS = 3;
  private static final int MAX_RUN = 16;

  /** Receives the per-minute event counts of a burst once it is known to be part of a jiggle. */
  interface Labeler {
    void label(Map<Long, Integer> eventsPerMinute, int periodSeconds);
  }

  private final List<Burst> run = new ArrayList<>();
  private @Nullable Burst current;
  private boolean hasPosition;
  private int lastX;
  private int lastY;
  private long periodMs;

  /** A pointer move at {@code atMs} falling in {@code minute}. */
  void onMove(InputEvent e, long atMs, long minute, Labeler labeler) {
    if (current != null && atMs - current.endMs > BURST_GAP_MS) {
      close(labeler);
    }
    if (current == null) {
      current = new Burst(atMs, e.absolute(), hasPosition, lastX, lastY);
    }
    current.add(e, atMs, minute);
    if (e.absolute()) {
      hasPosition = true;
      lastX = e.x();
      lastY = e.y();
    }
  }

  /** A key press, click or scroll: whatever this is, it is not a jiggler alone. */
  void onPress(Labeler labeler) {
    if (current != null) {
      close(labeler);
    }
    reset();
  }

  /** Closes a burst that ended more than {@link #BURST_GAP_MS} before {@code nowMs}. */
  void flush(long nowMs, Labeler labeler) {
    if (current != null && nowMs - current.endMs > BURST_GAP_MS) {
      close(labeler);
    }
  }

  /** Current detected period in seconds, 0 when none. */
  int periodSeconds() {
    return periodMs == 0 ? 0 : (int) Math.round(periodMs / 1000.0);
  }

  private void close(Labeler labeler) {
    Burst b = java.util.Objects.requireNonNull(current);
    current = null;
    @Nullable Burst previous = run.isEmpty() ? null : run.get(run.size() - 1);
    if (!b.isTiny(previous)) {
      reset();
      return;
    }
    if (periodMs != 0 && previous != null && !matches(b.startMs - previous.startMs, periodMs)) {
      // The rhythm broke: start a new run from this burst.
      reset();
    }
    run.add(b);
    if (run.size() > MAX_RUN) {
      run.remove(0);
    }
    if (periodMs == 0) {
      periodMs = detectPeriod();
    }
    if (periodMs != 0) {
      int seconds = periodSeconds();
      for (Burst x : run) {
        if (!x.labelled) {
          x.labelled = true;
          labeler.label(x.eventsPerMinute, seconds);
        }
      }
    }
  }

  private long detectPeriod() {
    int n = run.size();
    if (n < MIN_INTERVALS + 1) {
      return 0;
    }
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    long sum = 0;
    for (int i = n - MIN_INTERVALS; i < n; i++) {
      long interval = run.get(i).startMs - run.get(i - 1).startMs;
      min = Math.min(min, interval);
      max = Math.max(max, interval);
      sum += interval;
    }
    long mean = sum / MIN_INTERVALS;
    if (mean < MIN_PERIOD_MS || mean > MAX_PERIOD_MS || max - min > toleranceMs(mean)) {
      return 0;
    }
    // Earlier bursts of the run that do not keep the rhythm are not part of it.
    while (run.size() > MIN_INTERVALS + 1 && !matches(run.get(1).startMs - run.get(0).startMs, mean)) {
      run.remove(0);
    }
    return mean;
  }

  /** Allowed jitter of a period: 2 % or 300 ms, whichever is larger (timers on a busy KVM drift a little). */
  static long toleranceMs(long periodMs) {
    return Math.max(300, periodMs / 50);
  }

  private static boolean matches(long interval, long periodMs) {
    return Math.abs(interval - periodMs) <= toleranceMs(periodMs);
  }

  private void reset() {
    run.clear();
    periodMs = 0;
  }

  /** Moves close together in time. */
  private static final class Burst {
    final long startMs;
    final boolean absolute;
    final boolean hadStart;
    final int startX;
    final int startY;
    final Map<Long, Integer> eventsPerMinute = new LinkedHashMap<>();
    long endMs;
    int maxStep;
    long netX;
    long netY;
    int endX;
    int endY;
    int minX = Integer.MAX_VALUE;
    int maxX = Integer.MIN_VALUE;
    int minY = Integer.MAX_VALUE;
    int maxY = Integer.MIN_VALUE;
    boolean mixed;
    boolean labelled;

    Burst(long startMs, boolean absolute, boolean hadStart, int startX, int startY) {
      this.startMs = startMs;
      this.endMs = startMs;
      this.absolute = absolute;
      this.hadStart = hadStart;
      this.startX = startX;
      this.startY = startY;
    }

    void add(InputEvent e, long atMs, long minute) {
      endMs = atMs;
      eventsPerMinute.merge(minute, 1, Integer::sum);
      mixed |= e.absolute() != absolute;
      if (e.absolute()) {
        endX = e.x();
        endY = e.y();
        minX = Math.min(minX, e.x());
        maxX = Math.max(maxX, e.x());
        minY = Math.min(minY, e.y());
        maxY = Math.max(maxY, e.y());
      } else {
        maxStep = Math.max(maxStep, Math.max(Math.abs(e.x()), Math.abs(e.y())));
        netX += e.x();
        netY += e.y();
      }
    }

    boolean isTiny(@Nullable Burst previous) {
      if (mixed || endMs - startMs > MAX_BURST_MS) {
        return false;
      }
      if (!absolute) {
        return maxStep <= MAX_RELATIVE_STEP && Math.abs(netX) <= MAX_RELATIVE_STEP
            && Math.abs(netY) <= MAX_RELATIVE_STEP;
      }
      boolean sameEndAsBefore = previous != null && previous.absolute
          && previous.endX == endX && previous.endY == endY;
      boolean nearStart = hadStart
          && Math.abs(endX - startX) <= MAX_ABSOLUTE_NET && Math.abs(endY - startY) <= MAX_ABSOLUTE_NET;
      // Where the pointer was before the first burst is unknown: judge that burst by its own extent.
      boolean smallExtent = !hadStart && maxX - minX <= MAX_ABSOLUTE_NET && maxY - minY <= MAX_ABSOLUTE_NET;
      return sameEndAsBefore || nearStart || smallExtent;
    }
  }
}
