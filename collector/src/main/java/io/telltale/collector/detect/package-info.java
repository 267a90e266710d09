/**
 * Detection: evidence extraction from each stored report, the per-device signal model, fleet
 * correlation, guarded per-rule policy evaluation and explained verdicts. {@link
 * io.telltale.collector.detect.DetectionEngine} is the entry point; the signal model every policy is
 * written against is documented in {@code collector/docs/SIGNALS.md}.
 */
@NullMarked
package io.telltale.collector.detect;

import org.jspecify.annotations.NullMarked;
