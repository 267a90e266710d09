/** SQLite backend: one file in the data directory, WAL journal, synchronous=FULL. */
@NullMarked
package io.telltale.collector.store.sql.sqlite;

import org.jspecify.annotations.NullMarked;
