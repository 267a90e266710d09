package io.telltale.collector;

import io.telltale.collector.review.ReviewException;
import io.telltale.collector.review.auth.UserAdmin;
import java.io.PrintStream;
import java.util.Optional;

/** Creates the first administrator on a store without users and prints its password once. */
final class FirstAdmin {

  private FirstAdmin() {}

  /** Returns the password when an administrator was created now (null when users already existed). */
  static @org.jspecify.annotations.Nullable String bootstrap(Collector collector, PrintStream out) {
    Optional<UserAdmin.Created> created = create(collector);
    if (created.isEmpty()) {
      return null;
    }
    UserAdmin.Created c = created.get();
    if (c.generated()) {
      out.println("First administrator: user '" + c.user().username() + "', password " + c.password()
          + " (shown only now; change it in the console under Users)");
    } else {
      out.println("First administrator: user '" + c.user().username() + "', password from TELLTALE_ADMIN_PASSWORD");
    }
    return c.password();
  }

  /**
   * The administrator created now, with a random password or {@code TELLTALE_ADMIN_PASSWORD}; empty when
   * users already existed (or another collector on the same database created it first).
   */
  static Optional<UserAdmin.Created> create(Collector collector) {
    try {
      return collector.review().users().bootstrap(collector.config().admin().initialPassword());
    } catch (ReviewException e) {
      if (e.kind() != ReviewException.Kind.CONFLICT) {
        throw e;
      }
      return Optional.empty(); // another collector on the same database created it first
    }
  }
}
