/** Observation records, the {@link io.telltale.agent.probe.ProbeSource} seam and the per-OS probe selection. */
@NullMarked
package io.telltale.agent.probe;

import org.jspecify.annotations.NullMarked;
