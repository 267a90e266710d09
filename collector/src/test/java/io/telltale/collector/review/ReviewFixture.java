package io.telltale.collector.review;

import io.telltale.collector.CollectorFixture;
import io.telltale.collector.DetectionWiring;
import io.telltale.collector.FakeClock;
import io.telltale.collector.TestObjects;
import io.telltale.collector.config.CollectorConfig;
import io.telltale.collector.config.CollectorConfigLoader;
import io.telltale.collector.detect.Detection;
import io.telltale.collector.ingest.StoredReportListener;
import io.telltale.collector.model.ActivityRecord;
import io.telltale.collector.model.DeviceReport;
import io.telltale.collector.model.HardwareFacts;
import io.telltale.collector.model.OsFamily;
import io.telltale.collector.model.ReportKind;
import io.telltale.collector.model.SoftwareFacts;
import io.telltale.collector.pki.EnrollmentTokens;
import io.telltale.collector.review.cli.ApiClient;
import io.telltale.collector.store.IssuedCertificate;
import io.telltale.collector.store.NewDevice;
import io.telltale.collector.store.TelemetryStore;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * A collector on a loopback port through the production wiring, with detection replaced by
 * {@link FakeDetection} ({@link #start}) or the real engine ({@link #startWithEngine}), one user and one API
 * token per role, and helpers to add devices.
 */
public final class ReviewFixture implements AutoCloseable {

  public static final String PASSWORD = "correct horse battery staple";
  /** A process name and a USB product string an attacker could choose. */
  public static final String SCRIPT_PROCESS = "<script>alert(1)</script>";
  public static final String IMG_USB_PRODUCT = "\"><img src=x onerror=alert(1)>";

  public final CollectorFixture collector;
  /** The stand-in detection, or null when the fixture runs the real engine ({@link #engine}). */
  public final @Nullable FakeDetection detection;
  /** The real detection engine, or null when the fixture uses {@link FakeDetection}. */
  public final @Nullable Detection engine;
  public final FakeClock clock;
  public final Map<Role, String> tokens = new EnumMap<>(Role.class);
  public final SSLContext ssl;

  private ReviewFixture(CollectorFixture collector, @Nullable FakeDetection detection, @Nullable Detection engine,
      FakeClock clock) throws Exception {
    this.collector = collector;
    this.detection = detection;
    this.engine = engine;
    this.clock = clock;
    this.ssl = ApiClient.trusting(collector.collector.ca().certificate());
    UserAdminAccess users = new UserAdminAccess(collector.collector.review());
    for (Role r : Role.values()) {
      users.create(r.id() + "-user", r, PASSWORD);
      tokens.put(r, collector.collector.review().apiTokens().create(Principal.system("test"), r.id(), r, null).secret());
    }
  }

  public static ReviewFixture start(Path dir) throws Exception {
    FakeClock clock = new FakeClock(Instant.now().truncatedTo(ChronoUnit.MINUTES));
    FakeDetection detection = new FakeDetection(clock);
    CollectorFixture c = CollectorFixture.start(dir, Map.of(), clock, StoredReportListener.NOOP,
        store -> detection.binding());
    return new ReviewFixture(c, detection, null, clock);
  }

  /**
   * As {@link #start}, but wired as {@code serve} wires it: the real detection engine (built from the
   * {@code detect.*} settings in {@code env}) receives every report ingest stores, and the console and API
   * show its verdicts and policies. The engine's clock is the fixture's clock.
   */
  public static ReviewFixture startWithEngine(Path dir, Map<String, String> env, FakeClock clock) throws Exception {
    CollectorConfig cfg = CollectorConfigLoader.load(null, env);
    AtomicReference<Detection> engine = new AtomicReference<>();
    CollectorFixture c = CollectorFixture.start(dir, env, clock, report -> engine.get().engine().submit(report),
        store -> {
          try {
            engine.set(DetectionWiring.create(cfg.detect(), store, Detection.clock(clock)).start());
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
          return EngineDetection.binding(engine.get().engine(), clock);
        });
    return new ReviewFixture(c, null, engine.get(), clock);
  }

  public ReviewServices review() {
    return collector.collector.review();
  }

  public TelemetryStore store() {
    return collector.collector.store();
  }

  public URI baseUri() {
    return URI.create("https://localhost:" + collector.port());
  }

  private final Map<String, ApiClient> clients = new java.util.concurrent.ConcurrentHashMap<>();

  /** A client authenticated as {@code role}, or anonymous when null (one per role, reused: TLS handshakes cost). */
  public ApiClient client(@org.jspecify.annotations.Nullable Role role) {
    return clients.computeIfAbsent(role == null ? "none" : role.id(),
        k -> new ApiClient(baseUri(), role == null ? null : tokens.get(role), ssl));
  }

  /**
   * Enrolls a device and stores one FULL report (processes, one USB device with {@code usbProduct}) and
   * two hours of activity, the way ingest would. Returns the device id.
   */
  public String addDevice(String hostname, String serial, String usbProduct, String... processes) throws Exception {
    String id = enrollDevice(hostname, serial);
    Instant now = clock.now();
    DeviceReport base = TestObjects.full(id, 1, now.minus(Duration.ofHours(3)), "203.0.113.9", processes);
    List<SoftwareFacts.RunningProcess> procs = new ArrayList<>();
    for (String p : processes) {
      procs.add(SoftwareFacts.RunningProcess.of(p, "/opt/" + p));
    }
    HardwareFacts hw = new HardwareFacts(List.of(new HardwareFacts.UsbDevice("1d6b", "0104", "Linux Foundation",
        usbProduct, "CAFEBABE", "0100", List.of(HardwareFacts.UsbFunction.KEYBOARD), List.of(), 0, "1-1", "")),
        base.hardware().displays(), List.of(), List.of());
    var system = new io.telltale.collector.model.SystemFacts(OsFamily.LINUX, "Debian GNU/Linux 12", "6.1", hostname,
        serial, "LENOVO", "20XW", 3600, false);
    DeviceReport full = new DeviceReport(id, 1, ReportKind.FULL, base.observedAt(), base.receivedAt(), base.publicIp(),
        "0.1.0", 1, 0, system, new SoftwareFacts(procs, List.of(), List.of(), List.of()), hw, base.network(),
        base.locale(), base.power(), base.sessions(), base.timing(), null, List.of());
    store().writer().write(full).get(30, TimeUnit.SECONDS);
    long firstMinute = now.minus(Duration.ofHours(2)).getEpochSecond() / 60;
    List<ActivityRecord.Minute> minutes = new ArrayList<>();
    for (int i = 0; i < 90; i++) {
      minutes.add(new ActivityRecord.Minute(i, i < 45 ? 30 : 0, i >= 45 ? 40 : 0, 0, 0, 0));
    }
    DeviceReport hb = new DeviceReport(id, 2, ReportKind.HEARTBEAT, now.minus(Duration.ofMinutes(30)),
        now.minus(Duration.ofMinutes(30)), "203.0.113.9", "0.1.0", 1, 0, null, null, null, null, null, null, null,
        base.timing(), new ActivityRecord(firstMinute, 90, minutes, List.of()), List.of());
    store().writer().write(hb).get(30, TimeUnit.SECONDS);
    return id;
  }

  /** Enrolls a device (three days ago) that has not reported yet. Returns its id. */
  public String enrollDevice(String hostname, String serial) {
    String id = UUID.randomUUID().toString();
    Instant now = clock.now();
    var token = new EnrollmentTokens(store().tokens(), clock).create(Duration.ofHours(1), 1);
    store().devices().enroll(EnrollmentTokens.hash(token.secret()), new NewDevice(id, now.minus(Duration.ofDays(3)),
        hostname, serial, OsFamily.LINUX, "0.1.0", new IssuedCertificate(UUID.randomUUID().toString(), id,
            now.minus(Duration.ofDays(3)), now.plus(Duration.ofDays(90)), "00")), now.minus(Duration.ofDays(3)));
    return id;
  }

  /** A flagged verdict with one KVM finding whose evidence quotes the USB product string. */
  public DeviceVerdict flag(String deviceId, int score, String clusterId, String usbProduct) {
    DeviceVerdict v = new DeviceVerdict(deviceId, score, true, List.of(
        new DeviceVerdict.Finding("kvm.pikvm_usb", "PiKVM USB gadget attached", "high", 6, true, List.of(
            new DeviceVerdict.Evidence("kvm.usb_identity", "PiKVM default USB identity 1d6b:0104 '" + usbProduct + "'",
                Map.of("vendor", "1d6b", "product", "0104", "product_string", usbProduct), clock.now(), clock.now()))),
        new DeviceVerdict.Finding("remote.tool_running", "Remote-access tool running", "medium", 3, true, List.of(
            new DeviceVerdict.Evidence("remote.process", "anydesk running", Map.of("process", "anydesk"), null,
                null)))),
        clusterId, "v000000000001", clock.now());
    if (detection == null) {
      throw new IllegalStateException("flag(): this fixture runs the real detection engine");
    }
    detection.put(v);
    return v;
  }

  @Override
  public void close() {
    collector.close();
    if (engine != null) {
      engine.close();
    }
  }

  /** Creates users through the real use case, as the system principal. */
  private record UserAdminAccess(ReviewServices review) {
    void create(String name, Role role, String password) {
      review.users().create(Principal.system("test"), name, role, password);
    }
  }
}
