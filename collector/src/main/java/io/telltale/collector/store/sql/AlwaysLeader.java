package io.telltale.collector.store.sql;

import io.telltale.collector.store.LeaderElection;

/** Leadership where one process owns the database (SQLite): always the leader. */
public final class AlwaysLeader implements LeaderElection {

  @Override
  public boolean poll() {
    return true;
  }

  @Override
  public boolean isLeader() {
    return true;
  }

  @Override
  public void close() {}
}
