/**
 * OS-neutral probe code: the guarded probe base, OSHI-based probes, abstract bases with the OS-neutral half
 * of each per-OS probe (USB functions, EDID decoding, interface kinds), the single lenient parse helper, the
 * command runner and the memoizer.
 */
@NullMarked
package io.telltale.agent.probe.common;

import org.jspecify.annotations.NullMarked;
