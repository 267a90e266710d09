package io.telltale.agent.probe.activity;

import io.telltale.agent.probe.Observations;
import java.util.List;

/**
 * The OS side of the activity recorder: hooks into the OS input stream and feeds {@link InputEvent}s to a
 * recorder from its own background thread(s). Kept thin: classification and aggregation live in
 * {@link ActivityRecorder}. {@link #start} does not throw; what cannot be captured shows up in
 * {@link #failures()} (e.g. "permission denied: /dev/input/event3").
 */
public interface ActivityCapture extends AutoCloseable {

  /** Starts capturing into {@code sink}; returns quickly. Called at most once. */
  void start(ActivityRecorder sink);

  /** Why some or all input is not captured right now; empty when everything is. Thread-safe. */
  List<Observations.ProbeFailure> failures();

  /** Stops capturing; idempotent. */
  @Override
  void close();

  /** A capture that records nothing and says why (an OS without a capture implementation, an offline root). */
  static ActivityCapture unavailable(String reason) {
    List<Observations.ProbeFailure> failures = List.of(new Observations.ProbeFailure("activity", reason));
    return new ActivityCapture() {
      @Override
      public void start(ActivityRecorder sink) {}

      @Override
      public List<Observations.ProbeFailure> failures() {
        return failures;
      }

      @Override
      public void close() {}
    };
  }
}
