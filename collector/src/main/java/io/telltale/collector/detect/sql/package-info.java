/**
 * Detection's tables (evidence ledger, hour bits, correlation, verdicts, policy versions, roster) on the
 * collector's SQL database, SQLite or PostgreSQL; schema in {@code db/<dialect>/V10__detection.sql}.
 */
@NullMarked
package io.telltale.collector.detect.sql;

import org.jspecify.annotations.NullMarked;
