package io.telltale.collector.review;

import static java.util.Objects.requireNonNull;

import io.telltale.collector.internal.Clock;
import io.telltale.collector.store.AuditEntry;
import io.telltale.collector.store.AuditLog;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Records who did what, when, to what, with the state before and after, in the append-only audit log.
 * Every use case that changes something (and every login, logout and export) calls {@link #record}.
 * Thread-safe; blocks on the store.
 */
public final class AuditTrail {

  /** Largest page of entries returned at once (exports page through). */
  public static final int MAX_PAGE = 1_000;

  private final AuditLog log;
  private final Clock clock;

  public AuditTrail(AuditLog log, Clock clock) {
    this.log = requireNonNull(log, "log");
    this.clock = requireNonNull(clock, "clock");
  }

  /** Records an action by {@code who}; {@code before}/{@code after} are serialized to JSON (null = none). */
  public void record(Principal who, String action, String target, @Nullable Object before, @Nullable Object after) {
    record(who.name(), who.sourceIp(), action, target, before, after);
  }

  /** Records an action by a name that is not (yet) a principal, e.g. a failed login. */
  public void record(String actor, String sourceIp, String action, String target, @Nullable Object before,
      @Nullable Object after) {
    log.append(new AuditEntry(0, clock.now(), actor, action, target, JsonText.of(before), JsonText.of(after),
        sourceIp));
  }

  /** Entries newest first (admin only); {@code limit} is capped at {@link #MAX_PAGE}. */
  public List<AuditEntry> list(Principal who, @Nullable String actor, @Nullable String actionPrefix,
      @Nullable Instant from, @Nullable Instant to, int offset, int limit) {
    who.require(Role.ADMIN);
    if (offset < 0) {
      throw ReviewException.invalid("offset: " + offset + " (expected: >= 0)");
    }
    if (limit < 1) {
      throw ReviewException.invalid("limit: " + limit + " (expected: 1.." + MAX_PAGE + ")");
    }
    return log.list(blankToNull(actor), blankToNull(actionPrefix), from, to, offset, Math.min(limit, MAX_PAGE));
  }

  /** Every entry in [from, to), newest first, for export; the export itself is audited. */
  public List<AuditEntry> export(Principal who, @Nullable Instant from, @Nullable Instant to, String format) {
    who.require(Role.ADMIN);
    List<AuditEntry> all = new java.util.ArrayList<>();
    for (int offset = 0; ; offset += MAX_PAGE) {
      List<AuditEntry> page = log.list(null, null, from, to, offset, MAX_PAGE);
      all.addAll(page);
      if (page.size() < MAX_PAGE) {
        break;
      }
    }
    record(who, "audit.export", "", null, java.util.Map.of("format", format, "entries", all.size()));
    return all;
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
