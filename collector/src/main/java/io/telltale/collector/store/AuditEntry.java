package io.telltale.collector.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One audited action.
 *
 * @param id store-assigned, increasing; 0 before it is appended
 * @param actor username, "token:ID" for API tokens, or "anonymous" for failed logins of unknown names
 * @param action e.g. "login", "triage.set", "policy.apply"
 * @param target what it acted on (device id, username, token id, policy version); "" when none
 * @param before state before the action as JSON text, "" when none
 * @param after state after the action as JSON text, "" when none
 * @param sourceIp client address the request came from
 */
public record AuditEntry(
    long id, Instant at, String actor, String action, String target, String before, String after, String sourceIp) {

  public AuditEntry {
    requireNonNull(at, "at");
    requireNonNull(actor, "actor");
    requireNonNull(action, "action");
    requireNonNull(target, "target");
    requireNonNull(before, "before");
    requireNonNull(after, "after");
    requireNonNull(sourceIp, "sourceIp");
  }
}
