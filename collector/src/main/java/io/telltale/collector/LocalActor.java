package io.telltale.collector;

import io.telltale.collector.internal.Clock;
import io.telltale.collector.review.AuditTrail;
import io.telltale.collector.review.Principal;
import io.telltale.collector.store.TelemetryStore;

/**
 * Who runs a local command ({@code token}, {@code policy apply}, {@code device revoke}) against the store
 * directly: {@code local:<OS user>}, an administrator by virtue of holding the collector's config and
 * database. These commands change state without the API, so they write the same audit entries it would.
 */
final class LocalActor {

  private LocalActor() {}

  /** The principal local commands act as. */
  static Principal principal() {
    // The OS account is the only identity a local command has; it is read here, not in the config loader,
    // because it is not configuration.
    String user = System.getProperty("user.name", "");
    return Principal.system("local:" + (user.isBlank() ? "unknown" : user));
  }

  /** The audit log of {@code store}, stamped by the system clock. */
  static AuditTrail audit(TelemetryStore store) {
    return new AuditTrail(store.audit(), Clock.SYSTEM);
  }
}
