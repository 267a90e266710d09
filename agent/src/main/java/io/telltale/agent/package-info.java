/** The Telltale agent: entry point and wiring. */
@NullMarked
package io.telltale.agent;

import org.jspecify.annotations.NullMarked;
