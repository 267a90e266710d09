/** PostgreSQL backend: HikariCP pool, advisory-lock leadership for fleet-wide jobs. */
@NullMarked
package io.telltale.collector.store.sql.postgres;

import org.jspecify.annotations.NullMarked;
