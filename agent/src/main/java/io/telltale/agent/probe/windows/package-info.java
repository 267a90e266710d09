/** Windows probes: thin acquisition (commands, OSHI, JNA) and pure parsers of their output. */
@NullMarked
package io.telltale.agent.probe.windows;

import org.jspecify.annotations.NullMarked;
