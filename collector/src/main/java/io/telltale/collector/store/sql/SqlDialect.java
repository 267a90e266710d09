package io.telltale.collector.store.sql;

/** What differs between the SQL backends; everything else is shared SQL. */
public enum SqlDialect {
  SQLITE("classpath:db/sqlite", ""),
  POSTGRES("classpath:db/postgres", " FOR UPDATE");

  private final String migrations;
  private final String forUpdate;

  SqlDialect(String migrations, String forUpdate) {
    this.migrations = migrations;
    this.forUpdate = forUpdate;
  }

  /** Flyway location of this dialect's versioned scripts. */
  String migrations() {
    return migrations;
  }

  /** Row-lock suffix of a SELECT inside a write transaction ("" where the whole database is locked). */
  public String forUpdate() {
    return forUpdate;
  }
}
