package io.telltale.collector.review.auth;

import static java.util.Objects.requireNonNull;

import io.telltale.collector.internal.Clock;
import io.telltale.collector.review.AuditTrail;
import io.telltale.collector.review.Principal;
import io.telltale.collector.review.ReviewException;
import io.telltale.collector.review.Role;
import io.telltale.collector.store.AccessRepository;
import io.telltale.collector.store.UserAccount;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Managing console and API users (administrators only), and creating the first administrator on first
 * start. Password hashes never leave this class. Thread-safe; blocks on the store and on Argon2id.
 */
public final class UserAdmin {

  public static final String FIRST_ADMIN = "admin";
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

  /** What lists and the audit log show of a user. */
  public record UserView(String username, String role, Instant createdAt, boolean disabled,
      @Nullable Instant lockedUntil) {
    static UserView of(UserAccount u) {
      return new UserView(u.username(), u.role(), u.createdAt(), u.disabled(), u.lockedUntil());
    }
  }

  /** A created user and the password to hand over (generated when none was given). */
  public record Created(UserView user, String password, boolean generated) {}

  private final AccessRepository repo;
  private final PasswordHasher hasher;
  private final AuditTrail audit;
  private final Clock clock;

  public UserAdmin(AccessRepository repo, PasswordHasher hasher, AuditTrail audit, Clock clock) {
    this.repo = requireNonNull(repo, "repo");
    this.hasher = requireNonNull(hasher, "hasher");
    this.audit = requireNonNull(audit, "audit");
    this.clock = requireNonNull(clock, "clock");
  }

  /**
   * On first start (no user at all) creates {@value #FIRST_ADMIN} with {@code password}, or a random one
   * when null; returns the created user (print its password once) or empty when users already exist.
   */
  public Optional<Created> bootstrap(@Nullable String password) {
    if (repo.anyUser()) {
      return Optional.empty();
    }
    Created c = create(Principal.system("system"), FIRST_ADMIN, Role.ADMIN, password);
    return Optional.of(c);
  }

  public List<UserView> list(Principal who) {
    who.require(Role.ADMIN);
    return repo.users().stream().map(UserView::of).toList();
  }

  /** Creates a user with {@code password}, or a generated one when null. */
  public Created create(Principal who, String username, Role role, @Nullable String password) {
    who.require(Role.ADMIN);
    String name = username.trim().toLowerCase(java.util.Locale.ROOT);
    if (!USERNAME.matcher(name).matches()) {
      throw ReviewException.invalid("username: '" + username + "' (expected: 2-64 of a-z 0-9 . _ -, starting "
          + "with a letter or digit)");
    }
    boolean generated = password == null || password.isEmpty();
    String pw = generated ? Secrets.password() : password;
    checkStrength(pw);
    UserAccount u = new UserAccount(name, role.id(), hasher.hash(pw), clock.now(), null, 0, null);
    if (!repo.createUser(u)) {
      throw new ReviewException(ReviewException.Kind.CONFLICT, "username: '" + name + "' (expected: a new name)");
    }
    UserView view = UserView.of(u);
    audit.record(who, "user.create", name, null, view);
    return new Created(view, pw, generated);
  }

  /**
   * Changes a user's role, disabled flag and/or password (null = unchanged). Disabling or a new password
   * ends the user's sessions. Administrators cannot demote or disable themselves (no lock-out by mistake).
   */
  public UserView update(Principal who, String username, @Nullable Role role, @Nullable Boolean disabled,
      @Nullable String password) {
    who.require(Role.ADMIN);
    UserAccount u = repo.findUser(username).orElseThrow(() -> ReviewException.notFound("user", username));
    if (u.username().equals(who.name()) && ((role != null && role != Role.ADMIN) || Boolean.TRUE.equals(disabled))) {
      throw new ReviewException(ReviewException.Kind.CONFLICT,
          "user: '" + username + "' is you (expected: another administrator changes your role or disables you)");
    }
    String hash = u.passwordHash();
    if (password != null) {
      checkStrength(password);
      hash = hasher.hash(password);
    }
    Instant disabledAt = disabled == null ? u.disabledAt() : disabled ? (u.disabledAt() != null ? u.disabledAt()
        : clock.now()) : null;
    String newRole = role == null ? u.role() : role.id();
    repo.updateUser(u.username(), newRole, hash, disabledAt);
    if (password != null || disabledAt != null) {
      repo.deleteSessionsOf(u.username());
    }
    UserAccount after = new UserAccount(u.username(), newRole, hash, u.createdAt(), disabledAt, u.failedLogins(),
        u.lockedUntil());
    UserView view = UserView.of(after);
    audit.record(who, password != null ? "user.update.password" : "user.update", u.username(), UserView.of(u), view);
    return view;
  }

  private static void checkStrength(String password) {
    try {
      PasswordHasher.checkStrength(password);
    } catch (IllegalArgumentException e) {
      throw ReviewException.invalid(e.getMessage());
    }
  }
}
