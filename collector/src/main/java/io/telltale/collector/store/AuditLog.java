package io.telltale.collector.store;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The append-only audit log: there is no update or delete path (and the schema refuses them). Blocking
 * calls; thread-safe.
 */
public interface AuditLog {

  /** Appends one entry (its id is ignored) and returns the assigned id. */
  long append(AuditEntry entry);

  /**
   * Entries newest first, optionally filtered by actor and action prefix and by time [from, to), skipping
   * {@code offset} and returning at most {@code limit}.
   */
  List<AuditEntry> list(@Nullable String actor, @Nullable String actionPrefix, @Nullable Instant from,
      @Nullable Instant to, int offset, int limit);
}
