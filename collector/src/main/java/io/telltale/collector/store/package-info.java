/**
 * The storage contract: {@link io.telltale.collector.store.TelemetryStore} and the records it reads and
 * writes. No SQL, no protobuf; backends live in {@code store.sql.*}.
 */
@NullMarked
package io.telltale.collector.store;

import org.jspecify.annotations.NullMarked;
