package io.telltale.collector;

import static java.util.Objects.requireNonNull;

import io.telltale.agent.sim.FleetSimulator;
import io.telltale.agent.sim.Scenario;
import io.telltale.agent.sim.ScenarioLoader;
import io.telltale.agent.sim.ScratchDirectory;
import io.telltale.agent.sim.SimulationSummary;
import io.telltale.collector.config.CollectorConfigLoader;
import io.telltale.collector.detect.DetectionEngine;
import io.telltale.collector.detect.Verdict;
import io.telltale.collector.evaluate.ScenarioPlay;
import io.telltale.collector.internal.Clock;
import io.telltale.collector.internal.Directories;
import io.telltale.collector.internal.NamedThreads;
import io.telltale.collector.review.auth.UserAdmin;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * One {@code demo} run: a collector on the embedded store in a data directory, serving the console, API and
 * agents on one HTTPS port, with a first administrator; then the demo scenario played through the fleet
 * simulator and the real agent protocol on loopback, with progress printed, and the collector left serving
 * until {@link #close()}.
 *
 * <p>Time: the scenario is moved by whole weeks so that it ends at or before now (its weekdays and local
 * hours are part of the story), and the demo collector's clock runs behind by what remains, so that to the
 * console the history ends when the demo starts. Detection's "now" follows the playback, so verdicts seen
 * while the history is played are those a real-time run would have shown.
 *
 * <p>{@link #start} and {@link #play} block; {@link #close()} may be called from any thread (a shutdown hook)
 * and is idempotent.
 */
final class Demo implements AutoCloseable {

  /** Marks a data directory as the demo's: only such a directory is ever emptied. */
  static final String MARKER = ".telltale-demo";
  static final String BUILT_IN = "/demo/demo-fleet.json";
  /** How often a progress line is printed while the history plays. */
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
  private static final DateTimeFormatter DAY_TIME =
      DateTimeFormatter.ofPattern("EEE d MMM HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  /**
   * @param dataDir the demo's data directory (created; emptied when a previous demo made it)
   * @param port HTTPS port, 0 = any free one
   * @param scenarioFile a scenario to play instead of the built-in demo fleet
   */
  record Options(Path dataDir, int port, @Nullable Path scenarioFile) {
    Options {
      requireNonNull(dataDir, "dataDir");
    }
  }

  /** A problem the user can fix (directory, port); the message says how. */
  static final class DemoException extends RuntimeException {
    DemoException(String message, @Nullable Throwable cause) {
      super(message, cause);
    }
  }

  private final Options options;
  private final PrintWriter out;
  private final ScenarioPlay play;
  private final Path agentsDir;
  private final String url;
  private final Set<String> farms;
  private final Map<String, Verdict> verdicts = new ConcurrentHashMap<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  private final long startedNanos;
  private volatile long allFarmsFlaggedNanos;

  private Demo(Options options, PrintWriter out, ScenarioPlay play, Path agentsDir, long startedNanos) {
    this.options = options;
    this.out = out;
    this.play = play;
    this.agentsDir = agentsDir;
    this.startedNanos = startedNanos;
    this.url = "https://localhost:" + play.port() + "/";
    Set<String> f = new HashSet<>();
    play.scenario().labels().forEach((host, label) -> {
      if (label.equals("farm")) {
        f.add(host);
      }
    });
    this.farms = Set.copyOf(f);
    play.detection().engine().addListener(this::verdictChanged);
  }

  /**
   * Prepares the data directory, starts the collector, creates the administrator and prints the console
   * address and credentials. Blocks until the port is bound.
   *
   * @throws DemoException when the directory or the port cannot be used
   */
  static Demo start(Options options, PrintWriter out) throws IOException {
    long t0 = System.nanoTime();
    checkPortFree(options.port());
    Scenario loaded = load(options.scenarioFile());
    prepare(options.dataDir(), out);
    Instant now = Instant.now();
    Scenario scenario = FleetSimulator.rebase(loaded, now);
    Duration behind = Duration.between(scenario.end(), now);
    Clock clock = ScenarioPlay.runningFrom(scenario.end());
    Path agents = ScratchDirectory.create("telltale-demo-agents-");
    ScenarioPlay play;
    try {
      play = ScenarioPlay.start(scenario, new ScenarioPlay.Setup(options.dataDir(), agents, options.port(), null, true,
          clock, true, CollectorConfigLoader.environment("admin.password"), 10));
    } catch (CompletionException e) {
      Directories.deleteQuietly(agents);
      if (portTaken(e)) {
        throw portInUse(options.port(), e);
      }
      throw e;
    } catch (IOException | RuntimeException e) {
      Directories.deleteQuietly(agents);
      throw e;
    }
    Demo demo = new Demo(options, out, play, agents, t0);
    try {
      UserAdmin.Created admin = FirstAdmin.create(play.collector()).orElseThrow(
          () -> new IllegalStateException("the demo store already had users"));
      demo.banner(admin, behind);
      return demo;
    } catch (RuntimeException e) {
      demo.close();
      throw e;
    }
  }

  /**
   * Fails fast when the port is taken, before the seconds of start-up; the server's own bind failure still
   * covers a port taken in between.
   */
  private static void checkPortFree(int port) {
    if (port == 0) {
      return;
    }
    try (java.net.ServerSocket probe = new java.net.ServerSocket(port)) {
      // bound and released: free
    } catch (IOException e) {
      if (portTaken(e)) {
        throw portInUse(port, e);
      }
      throw new DemoException("cannot listen on port " + port + " (" + e.getMessage() + "); pass another --port "
          + "(--port 0 picks a free one)", e);
    }
  }

  private static DemoException portInUse(int port, Throwable cause) {
    return new DemoException("port " + port + " is already in use (another demo or collector?); stop it, or pass "
        + "--port with a free port (--port 0 picks one)", cause);
  }

  private static Scenario load(@Nullable Path file) throws IOException {
    if (file != null) {
      return ScenarioLoader.load(file);
    }
    try (InputStream in = Demo.class.getResourceAsStream(BUILT_IN)) {
      if (in == null) {
        throw new IllegalStateException(BUILT_IN + " is missing from the collector jar");
      }
      return ScenarioLoader.parse("demo-fleet.json", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  /** Creates the data directory, or empties it when a previous demo made it; refuses anything else. */
  static void prepare(Path dir, PrintWriter out) {
    try {
      if (Files.exists(dir) && !Files.isDirectory(dir)) {
        throw new DemoException(dir + " is a file, not a directory; pass another --data-dir", null);
      }
      if (Files.isDirectory(dir) && !isEmpty(dir)) {
        if (!Files.exists(dir.resolve(MARKER))) {
          throw new DemoException(dir.toAbsolutePath() + " is not empty and was not made by the demo (no "
              + MARKER + " in it); pass another --data-dir, or remove it", null);
        }
        out.println("Starting clean: removing the previous demo's data in " + dir.toAbsolutePath());
        out.flush();
        try (Stream<Path> children = Files.list(dir)) {
          for (Path p : children.toList()) {
            Directories.deleteRecursively(p);
          }
        }
      }
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(MARKER), "Made by `telltale-collector demo`; the next demo run empties this "
          + "directory.\n", StandardCharsets.UTF_8);
    } catch (AccessDeniedException e) {
      throw new DemoException("cannot write to " + e.getFile() + " (permission denied); pass a writable --data-dir",
          e);
    } catch (IOException e) {
      throw new DemoException("cannot use " + dir.toAbsolutePath() + " as the demo's data directory (" + e
          + "); pass another --data-dir", e);
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }

  /** EADDRINUSE, as the JDK and Netty's native transport word it (a privileged port is another error). */
  private static boolean portTaken(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (String.valueOf(c.getMessage()).contains("Address already in use")) {
        return true;
      }
    }
    return false;
  }

  private void banner(UserAdmin.Created admin, Duration behind) {
    Scenario s = play.scenario();
    String password = admin.generated() ? admin.password() + "   (random, shown only now)"
        : "from TELLTALE_ADMIN_PASSWORD";
    out.printf(Locale.ROOT, "%n  Telltale demo: the collector is up (%.1f s).%n%n", seconds(startedNanos));
    out.println("    Console   " + url);
    out.println("    User      " + admin.user().username());
    out.println("    Password  " + password);
    out.println();
    out.println("  Your browser will warn about the certificate: the demo made its own CA. Accept it for localhost,");
    out.println("  or trust " + play.collector().ca().certificateFile().toAbsolutePath());
    out.println("  (SHA-256 " + play.collector().ca().fingerprint() + ").");
    out.println();
    out.printf(Locale.ROOT, "  Playing \"%s\": %d laptops, %d hours of reports (%s to %s) through the agent%n",
        s.name(), s.devices().size(), s.hours(), DAY.format(s.start()), DAY.format(s.end().minusMillis(1)));
    out.printf(Locale.ROOT, "  protocol, as fast as this machine can. %s%n", behind.toHours() < 1 ? ""
        : "The demo collector's clock runs " + days(behind) + " behind, so that the history ends now");
    if (behind.toHours() >= 1) {
      out.println("  and its weekdays and local hours stay as the scenario wrote them.");
    }
    out.println();
    out.flush();
  }

  /** Plays the history, printing progress, then a summary. Blocks until detection has caught up. */
  SimulationSummary play() throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    long total = (long) play.scenario().devices().size() * play.scenario().hours() * 60
        / play.scenario().reportIntervalMinutes();
    ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(
        NamedThreads.daemon("telltale-demo-progress"));
    progress.scheduleAtFixedRate(() -> progress(total), PROGRESS_EVERY.toMillis(), PROGRESS_EVERY.toMillis(),
        TimeUnit.MILLISECONDS);
    SimulationSummary sim;
    try {
      sim = play.play();
    } finally {
      progress.shutdownNow();
    }
    out.printf(Locale.ROOT, "  %4.0f s  all %,d reports delivered; detection is finishing%n", seconds(startedNanos),
        sim.reportsSent());
    out.flush();
    DetectionEngine engine = play.detection().engine();
    engine.awaitIdle(Duration.ofMinutes(5));
    engine.evaluateAll();
    summary(sim, seconds(t0));
    return sim;
  }

  private void progress(long total) {
    out.printf(Locale.ROOT, "  %4.0f s  %,7d of %,d reports, played to %s   flagged: %s%n", seconds(startedNanos),
        play.reportsStored(), total, DAY_TIME.format(play.playedUntil()), flaggedLine());
    out.flush();
  }

  private String flaggedLine() {
    long flagged = verdicts.values().stream().filter(Verdict::flagged).count();
    long clusters = verdicts.values().stream().filter(Verdict::flagged).map(Verdict::clusterId)
        .filter(java.util.Objects::nonNull).distinct().count();
    return String.format(Locale.ROOT, "%d laptop%s, %d cluster%s", flagged, flagged == 1 ? "" : "s", clusters,
        clusters == 1 ? "" : "s");
  }

  private void summary(SimulationSummary sim, double playSeconds) {
    out.println();
    out.printf(Locale.ROOT, "  History played in %.0f s: %,d reports from %d laptops. Flagged: %s.%n", playSeconds,
        sim.reportsSent(), sim.devices(), flaggedLine());
    Map<String, String> labels = play.scenario().labels();
    if (!labels.isEmpty()) {
      long farmsFlagged = verdicts.values().stream().filter(v -> v.flagged() && farms.contains(v.hostname())).count();
      long benign = labels.values().stream().filter("benign"::equals).count();
      long benignFlagged = verdicts.values().stream()
          .filter(v -> v.flagged() && "benign".equals(labels.get(v.hostname()))).count();
      out.printf(Locale.ROOT, "  The scenario's answer key: %d of %d farm laptops flagged, %d of %d look-alikes.%n",
          farmsFlagged, farms.size(), benignFlagged, benign);
      long at = allFarmsFlaggedNanos;
      if (at != 0) {
        out.printf(Locale.ROOT, "  Every farm laptop was flagged %.0f s after the demo started.%n",
            (at - startedNanos) / 1e9);
      }
    }
    out.println();
    out.println("  Open " + url + "devices?verdict=flagged and pick a laptop to see why it was flagged;");
    out.println("  Clusters draws the houses. The fleet does not report any more; the collector keeps serving.");
    out.println("  Press Ctrl-C to stop. The data stays in " + options.dataDir().toAbsolutePath()
        + " until the next demo run.");
    out.flush();
  }

  private void verdictChanged(Verdict v) {
    verdicts.put(v.deviceId(), v);
    if (allFarmsFlaggedNanos == 0 && !farms.isEmpty()) {
      Set<String> flagged = new HashSet<>();
      verdicts.values().stream().filter(Verdict::flagged).forEach(x -> flagged.add(x.hostname()));
      if (flagged.containsAll(farms)) {
        allFarmsFlaggedNanos = System.nanoTime();
        out.printf(Locale.ROOT, "  %4.0f s  every farm laptop of the scenario is flagged (%d)%n",
            seconds(startedNanos), farms.size());
        out.flush();
      }
    }
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static String days(Duration d) {
    long days = d.toDays();
    long hours = d.minusDays(days).toHours();
    return days == 0 ? hours + " h" : days + (days == 1 ? " day " : " days ") + hours + " h";
  }

  /** The console's address. */
  String url() {
    return url;
  }

  ScenarioPlay scenarioPlay() {
    return play;
  }

  /** Blocks until {@link #close()}. */
  void awaitClosed() throws InterruptedException {
    closed.await();
  }

  boolean isClosed() {
    return closed.getCount() == 0;
  }

  /** Stops serving and closes the store; the data directory stays. Idempotent, any thread. */
  @Override
  public synchronized void close() {
    if (isClosed()) {
      return;
    }
    try {
      play.close();
    } finally {
      Directories.deleteQuietly(agentsDir);
      closed.countDown();
    }
  }
}
