package io.telltale.collector.detect;

import io.telltale.collector.model.DeviceReport;
import java.util.List;
import java.util.Map;

/**
 * Stored reports, for detection to catch up on what it did not see as it was acknowledged: hand-offs
 * dropped under overload, reports acknowledged just before a restart, reports another collector stored.
 * Blocking; thread-safe.
 */
public interface ReportSource {

  /**
   * A device's stored reports with sequence in ({@code afterSequence}, {@code beforeSequence}), oldest first;
   * when there are more than {@code limit}, the newest {@code limit}.
   */
  List<DeviceReport> reportsBetween(String deviceId, long afterSequence, long beforeSequence, int limit);

  /** The newest stored sequence of every device. */
  Map<String, Long> lastSequences();

  /** No stored reports (in-memory engines: tests, previews). */
  static ReportSource none() {
    return new ReportSource() {
      @Override
      public List<DeviceReport> reportsBetween(String deviceId, long afterSequence, long beforeSequence, int limit) {
        return List.of();
      }

      @Override
      public Map<String, Long> lastSequences() {
        return Map.of();
      }
    };
  }
}
