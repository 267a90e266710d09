package io.telltale.collector.store;

import java.util.List;
import java.util.Optional;

/** Triage state and notes per device. Blocking calls; thread-safe. */
public interface TriageRepository {

  Optional<TriageRecord> find(String deviceId);

  /** Every device that has a triage record. */
  List<TriageRecord> all();

  /** Inserts or replaces the device's triage record. */
  void put(TriageRecord record);

  /** Stores a note; returns its id. */
  long addNote(TriageNote note);

  /** Notes of one device, oldest first. */
  List<TriageNote> notes(String deviceId);
}
