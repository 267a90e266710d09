package io.telltale.collector.store;

import java.time.Instant;
import java.util.List;

/** The HR roster. Blocking calls; thread-safe. */
public interface RosterRepository {

  /** Replaces the whole roster in one transaction: readers see the old roster or the new one, never a mix. */
  void replaceAll(List<RosterEmployee> employees, Instant at);

  /** Every employee with their laptops, by id. */
  List<RosterEmployee> list();
}
