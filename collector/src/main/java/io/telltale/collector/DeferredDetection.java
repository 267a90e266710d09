package io.telltale.collector;

import static java.util.Objects.requireNonNull;

import io.telltale.collector.detect.Detection;
import io.telltale.collector.internal.Clock;
import io.telltale.collector.model.DeviceReport;
import io.telltale.collector.review.DetectionView;
import io.telltale.collector.review.DeviceVerdict;
import io.telltale.collector.review.EngineDetection;
import io.telltale.collector.review.PolicyEngine;
import io.telltale.collector.review.Problem;
import io.telltale.collector.review.ReviewServices;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Detection that arrives after the collector is wired: {@code serve} starts before the database answers,
 * and detection (which reads its policy versions from the database) is built once it does. Until then
 * hand-offs are skipped (detection catches up from the store when it starts, as after a restart), the
 * console and API show no verdicts and policy calls answer UNAVAILABLE. Thread-safe.
 */
final class DeferredDetection implements DetectionView, PolicyEngine {

  private final Clock clock;
  private volatile @Nullable Detection detection;
  private volatile ReviewServices.Detection review = ReviewServices.Detection.NONE;

  DeferredDetection(Clock clock) {
    this.clock = requireNonNull(clock, "clock");
  }

  /** Publishes started detection; from now on hand-offs, verdicts and policies go to it. */
  void started(Detection started) {
    review = EngineDetection.binding(started.engine(), clock);
    detection = started;
  }

  Optional<Detection> detection() {
    return Optional.ofNullable(detection);
  }

  /** The hand-off for the ingest pipeline. */
  void submit(DeviceReport report) {
    Detection d = detection;
    if (d != null) {
      d.engine().submit(report);
    }
  }

  /** What to hand {@link ReviewServices}: this, answering for detection once it runs. */
  ReviewServices.Detection binding() {
    return new ReviewServices.Detection(this, this);
  }

  @Override
  public Map<String, DeviceVerdict> verdicts() {
    return review.view().verdicts();
  }

  @Override
  public Optional<DeviceVerdict> verdict(String deviceId) {
    return review.view().verdict(deviceId);
  }

  @Override
  public List<DeviceVerdict> history(String deviceId) {
    return review.view().history(deviceId);
  }

  @Override
  public Version current() {
    return review.policies().current();
  }

  @Override
  public List<Version> history() {
    return review.policies().history();
  }

  @Override
  public List<Problem> validate(String text) {
    return review.policies().validate(text);
  }

  @Override
  public List<VerdictChange> dryRun(String text) {
    return review.policies().dryRun(text);
  }

  @Override
  public Version apply(String text, String source) {
    return review.policies().apply(text, source);
  }
}
