package io.telltale.collector.review;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A use case refused: the one exception type the API maps to its error shape (and the console to a page).
 * Messages are safe to show: they name what was wrong ("state: 'DONE' (expected: one of ...)") and never
 * carry secrets, SQL or stack traces.
 */
public final class ReviewException extends RuntimeException {

  /** Kinds of refusal, each with one HTTP status. */
  public enum Kind {
    INVALID_ARGUMENT(400),
    UNAUTHENTICATED(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    CONFLICT(409),
    TOO_MANY_REQUESTS(429),
    UNAVAILABLE(503);

    private final int status;

    Kind(int status) {
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  private final Kind kind;
  private final List<Problem> problems;

  public ReviewException(Kind kind, String message) {
    this(kind, message, List.of());
  }

  public ReviewException(Kind kind, String message, List<Problem> problems) {
    super(requireNonNull(message, "message"), null, false, false);
    this.kind = requireNonNull(kind, "kind");
    this.problems = List.copyOf(problems);
  }

  public static ReviewException invalid(String message) {
    return new ReviewException(Kind.INVALID_ARGUMENT, message);
  }

  public static ReviewException notFound(String what, String id) {
    return new ReviewException(Kind.NOT_FOUND, what + ": '" + id + "' (expected: an existing " + what + ")");
  }

  public Kind kind() {
    return kind;
  }

  /** Located problems (policy lines, CSV rows), empty when the message says it all. */
  public List<Problem> problems() {
    return problems;
  }
}
