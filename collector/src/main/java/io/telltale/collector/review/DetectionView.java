package io.telltale.collector.review;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the review side reads from detection: current verdicts, their history and cluster membership. The
 * detection engine provides the implementation; {@link #NONE} is used while no engine is wired (every device
 * shows as not evaluated). Implementations are thread-safe; calls may block on the store.
 */
public interface DetectionView {

  /** Current verdict of every evaluated device, by device id. */
  Map<String, DeviceVerdict> verdicts();

  default Optional<DeviceVerdict> verdict(String deviceId) {
    return Optional.ofNullable(verdicts().get(deviceId));
  }

  /** Verdict changes of one device, oldest first. */
  List<DeviceVerdict> history(String deviceId);

  /** No detection engine: nothing evaluated. */
  DetectionView NONE = new DetectionView() {
    @Override
    public Map<String, DeviceVerdict> verdicts() {
      return Map.of();
    }

    @Override
    public List<DeviceVerdict> history(String deviceId) {
      return List.of();
    }
  };
}
