package io.telltale.collector.review;

import static java.util.Objects.requireNonNull;

import io.telltale.collector.internal.Clock;
import io.telltale.collector.review.auth.AccessControl;
import io.telltale.collector.review.auth.ApiTokens;
import io.telltale.collector.review.auth.PasswordHasher;
import io.telltale.collector.review.auth.UserAdmin;
import io.telltale.collector.store.TelemetryStore;

/**
 * Every review use case, wired once (plain constructors) and shared by the REST API, the console and, over
 * the API, the CLI. Building it performs no I/O except hashing one dummy password.
 */
public final class ReviewServices {

  /** What detection gives the review side; {@link #NONE} when no engine is wired. */
  public record Detection(DetectionView view, PolicyEngine policies) {
    public static final Detection NONE = new Detection(DetectionView.NONE, PolicyEngine.UNAVAILABLE);

    public Detection {
      requireNonNull(view, "view");
      requireNonNull(policies, "policies");
    }
  }

  private final TelemetryStore store;
  private final Clock clock;
  private final AuditTrail audit;
  private final AccessControl access;
  private final UserAdmin users;
  private final ApiTokens apiTokens;
  private final DeviceSearch devices;
  private final DeviceProfiles profiles;
  private final DeviceExport export;
  private final Clusters clusters;
  private final TriageDesk triage;
  private final Policies policies;
  private final RosterAdmin roster;
  private final Enrollment enrollment;
  private final Overview overview;
  private final DeviceRevocation revocation;

  public ReviewServices(TelemetryStore store, Detection detection, Clock clock) {
    this(store, detection, clock, deviceId -> {});
  }

  /** @param revoked told the id of each device revoked through {@link #revocation()} (cache invalidation) */
  public ReviewServices(TelemetryStore store, Detection detection, Clock clock,
      java.util.function.Consumer<String> revoked) {
    this.store = requireNonNull(store, "store");
    this.clock = requireNonNull(clock, "clock");
    PasswordHasher hasher = new PasswordHasher();
    this.audit = new AuditTrail(store.audit(), clock);
    this.access = new AccessControl(store.access(), hasher, audit, clock);
    this.users = new UserAdmin(store.access(), hasher, audit, clock);
    this.apiTokens = new ApiTokens(store.access(), audit, clock);
    this.devices = new DeviceSearch(store, detection.view());
    this.profiles = new DeviceProfiles(store, devices, detection.view(), clock);
    this.export = new DeviceExport(devices, audit);
    this.clusters = new Clusters(store, devices);
    this.triage = new TriageDesk(store, audit, clock);
    this.policies = new Policies(detection.policies(), audit);
    this.roster = new RosterAdmin(store.roster(), audit, clock);
    this.enrollment = new Enrollment(store.tokens(), audit, clock);
    this.overview = new Overview(devices, detection.view(), clusters, clock);
    this.revocation = new DeviceRevocation(store.devices(), audit, clock, revoked);
  }

  public TelemetryStore store() {
    return store;
  }

  public Clock clock() {
    return clock;
  }

  public AuditTrail audit() {
    return audit;
  }

  public AccessControl access() {
    return access;
  }

  public UserAdmin users() {
    return users;
  }

  public ApiTokens apiTokens() {
    return apiTokens;
  }

  public DeviceSearch devices() {
    return devices;
  }

  public DeviceProfiles profiles() {
    return profiles;
  }

  public DeviceExport export() {
    return export;
  }

  public Clusters clusters() {
    return clusters;
  }

  public TriageDesk triage() {
    return triage;
  }

  public Policies policies() {
    return policies;
  }

  public RosterAdmin roster() {
    return roster;
  }

  public Enrollment enrollment() {
    return enrollment;
  }

  public Overview overview() {
    return overview;
  }

  public DeviceRevocation revocation() {
    return revocation;
  }
}
