package io.telltale.agent.probe.activity;

import io.telltale.agent.probe.ActivityRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Aggregates input events into per-minute counts by origin and runs one {@link JiggleDetector} per device.
 * Shared by every OS: captures call {@link #record} from their threads, the agent calls {@link #drain} once
 * per report. A drain covers the complete minutes since the previous drain (the current minute stays open
 * for the next one), so no minute is reported twice. A jiggle run is recognised after its fourth burst; its
 * earlier minutes are labelled too unless a previous drain already sent them. Memory is bounded: at most a
 * day of open minutes and {@link #MAX_DEVICES} detectors. Thread-safe.
 */
public final class ActivityRecorder {

  private static final Logger LOG = LoggerFactory.getLogger(ActivityRecorder.class);
  /** A day of minutes: an agent that cannot report for longer keeps the most recent day. */
  static final int MAX_OPEN_MINUTES = 1440;
  /** Distinct input streams tracked for jiggles; more means something odd, and the oldest are forgotten. */
  static final int MAX_DEVICES = 64;

  private final TreeMap<Long, Bucket> buckets = new TreeMap<>();
  private final Map<String, JiggleDetector> detectors = new LinkedHashMap<>();
  private long firstMinute = Long.MIN_VALUE;
  private long droppedMinutes;
  private @org.jspecify.annotations.Nullable Instant lastInput;

  /** Counts one input event. Never throws for a well-formed event; coordinates are not stored. */
  public synchronized void record(InputEvent e) {
    if (lastInput == null || e.at().isAfter(lastInput)) {
      lastInput = e.at();
    }
    long atMs = e.at().toEpochMilli();
    long minute = Math.max(Math.floorDiv(atMs, 60_000L), firstMinute);
    Bucket b = bucket(minute);
    b.total++;
    switch (e.origin()) {
      case LOCAL -> b.local++;
      case INJECTED -> b.injected++;
      case EXTERNAL -> {
        b.external++;
        b.externalByDevice.merge(e.device(), 1, Integer::sum);
      }
    }
    JiggleDetector d = detector(e.origin() + "|" + e.device());
    if (e.kind() == InputEvent.Kind.MOVE) {
      d.onMove(e, atMs, minute, this::label);
    } else {
      d.onPress(this::label);
    }
  }

  /**
   * Returns the complete minutes since the previous drain (or since the first event) up to the minute of
   * {@code now}, exclusive, and forgets them.
   */
  public synchronized ActivityRecord drain(Instant now) {
    long nowMs = now.toEpochMilli();
    long nowMinute = Math.floorDiv(nowMs, 60_000L);
    detectors.values().forEach(d -> d.flush(nowMs, this::label));
    if (firstMinute == Long.MIN_VALUE) {
      firstMinute = buckets.isEmpty() ? nowMinute : Math.min(buckets.firstKey(), nowMinute);
    }
    long first = firstMinute;
    List<ActivityRecord.Minute> minutes = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    Map<String, Integer> sourceIndex = new HashMap<>();
    while (!buckets.isEmpty() && buckets.firstKey() < nowMinute) {
      Bucket b = buckets.pollFirstEntry().getValue();
      int source = 0;
      String top = b.topExternalDevice();
      if (top != null) {
        source = sourceIndex.computeIfAbsent(top, k -> {
          sources.add(k);
          return sources.size();
        });
      }
      int jiggle = b.jiggle > 0 && b.jiggle >= b.total ? b.jigglePeriod : 0;
      minutes.add(new ActivityRecord.Minute(
          (int) (b.minute - first), b.local, b.injected, b.external, jiggle, source));
    }
    firstMinute = Math.max(nowMinute, first);
    if (droppedMinutes > 0) {
      LOG.debug("activity: {} minutes dropped (no drain for over a day)", droppedMinutes);
      droppedMinutes = 0;
    }
    return new ActivityRecord(first, (int) Math.max(0, nowMinute - first), minutes, sources);
  }

  /** When the latest input event (any source) happened; null when none was seen since the agent started. */
  public synchronized @org.jspecify.annotations.Nullable Instant lastInput() {
    return lastInput;
  }

  private void label(Map<Long, Integer> eventsPerMinute, int periodSeconds) {
    eventsPerMinute.forEach((minute, count) -> {
      Bucket b = buckets.get(minute);
      if (b != null) {
        b.jiggle += count;
        b.jigglePeriod = periodSeconds;
      }
    });
  }

  private Bucket bucket(long minute) {
    Bucket b = buckets.get(minute);
    if (b == null) {
      b = new Bucket(minute);
      buckets.put(minute, b);
      while (buckets.size() > MAX_OPEN_MINUTES) {
        buckets.pollFirstEntry();
        droppedMinutes++;
      }
    }
    return b;
  }

  private JiggleDetector detector(String key) {
    JiggleDetector d = detectors.get(key);
    if (d == null) {
      if (detectors.size() >= MAX_DEVICES) {
        String oldest = detectors.keySet().iterator().next();
        detectors.remove(oldest);
      }
      d = new JiggleDetector();
      detectors.put(key, d);
    }
    return d;
  }

  /** Counts of one minute. */
  private static final class Bucket {
    final long minute;
    final Map<String, Integer> externalByDevice = new LinkedHashMap<>();
    int total;
    int local;
    int injected;
    int external;
    int jiggle;
    int jigglePeriod;

    Bucket(long minute) {
      this.minute = minute;
    }

    @org.jspecify.annotations.Nullable String topExternalDevice() {
      String top = null;
      int best = 0;
      for (Map.Entry<String, Integer> e : externalByDevice.entrySet()) {
        if (e.getValue() > best) {
          best = e.getValue();
          top = e.getKey();
        }
      }
      return top;
    }
  }
}
