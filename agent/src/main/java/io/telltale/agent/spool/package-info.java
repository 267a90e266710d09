/**
 * Durable, bounded on-disk queue of reports. A report leaves it only when the collector acknowledged its
 * sequence number; when full, the oldest heartbeats go first and every drop is counted.
 */
@NullMarked
package io.telltale.agent.spool;

import org.jspecify.annotations.NullMarked;
