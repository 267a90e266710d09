package io.telltale.collector.store;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/** Result of consuming an enrollment token: the device was stored, or the token was refused. */
public sealed interface EnrollOutcome {

  /** The token was valid, one use was consumed and the device stored, in one transaction. */
  record Enrolled(DeviceRecord device) implements EnrollOutcome {
    public Enrolled {
      requireNonNull(device, "device");
    }
  }

  /** Nothing was stored; {@code token} is the token as found ({@code null} when unknown). */
  record Refused(Reason reason, @Nullable EnrollmentToken token) implements EnrollOutcome {
    public Refused {
      requireNonNull(reason, "reason");
    }
  }

  /** Why a token was refused. */
  enum Reason {
    UNKNOWN,
    EXPIRED,
    USED_UP,
    REVOKED
  }
}
