/** JDBC implementation of the storage contract shared by SQLite and PostgreSQL: pool, migrations, group commit. */
@NullMarked
package io.telltale.collector.store.sql;

import org.jspecify.annotations.NullMarked;
