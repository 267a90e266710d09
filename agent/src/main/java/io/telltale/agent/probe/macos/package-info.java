/** Macos probes: thin acquisition (commands, OSHI, JNA) and pure parsers of their output. */
@NullMarked
package io.telltale.agent.probe.macos;

import org.jspecify.annotations.NullMarked;
