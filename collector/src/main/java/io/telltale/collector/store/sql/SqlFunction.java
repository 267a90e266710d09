package io.telltale.collector.store.sql;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of JDBC work on one connection. */
@FunctionalInterface
public interface SqlFunction<T> {
  T apply(Connection connection) throws SQLException;
}
