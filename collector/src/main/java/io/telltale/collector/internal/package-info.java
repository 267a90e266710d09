/** Collector helpers: clock, scheduled tasks, rate-limited logging, preconditions. Not API. */
@NullMarked
package io.telltale.collector.internal;

import org.jspecify.annotations.NullMarked;
