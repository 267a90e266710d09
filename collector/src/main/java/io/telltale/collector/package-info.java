/** The Telltale collector: entry point and server wiring. */
@NullMarked
package io.telltale.collector;

import org.jspecify.annotations.NullMarked;
