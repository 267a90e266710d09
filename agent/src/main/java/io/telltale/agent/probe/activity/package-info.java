/**
 * The activity recorder: per-minute counts of input events by source (local built-in devices, injected
 * input, external devices) and the jiggle detector, shared by every OS; plus the thin per-OS capture that
 * feeds it. Counts only: key codes are never kept, and pointer coordinates live only in the detector's
 * short window.
 */
@NullMarked
package io.telltale.agent.probe.activity;

import org.jspecify.annotations.NullMarked;
