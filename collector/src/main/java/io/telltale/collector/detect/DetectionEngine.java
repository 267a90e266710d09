package io.telltale.collector.detect;

import static java.util.Objects.requireNonNull;

import io.telltale.collector.detect.catalogue.Catalogue;
import io.telltale.collector.detect.geo.CompanyNetworks;
import io.telltale.collector.detect.geo.IpIntel;
import io.telltale.collector.detect.policy.Policy;
import io.telltale.collector.detect.policy.PolicyEvaluator;
import io.telltale.collector.detect.policy.PolicyRegistry;
import io.telltale.collector.detect.policy.PolicySet;
import io.telltale.collector.model.DeviceReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Detection: every acknowledged report is handed to {@link #submit} (never blocks), a worker thread folds it
 * into the evidence ledger, hour bits and correlation index, then re-evaluates the devices it touched (the
 * reporting device, and the members of a cluster a new link joined) with the live policy, within about a
 * second of the acknowledgement. A verdict is a function of stored state and "now" (the injected clock), so a
 * fast replay and a real-time run agree. Verdict changes go to listeners (alerting) and the history.
 *
 * <p>Failure: an exception while processing one report or evaluating one device is counted and logged
 * (rate-limited); the worker carries on. A full queue drops the hand-off (counted); the report itself is
 * stored, and the periodic sweep re-evaluates every device.
 */
public final class DetectionEngine implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DetectionEngine.class);
  /** Re-evaluating a device at most this often while its reports stream in. */
  static final Duration DEBOUNCE = Duration.ofMillis(500);
  /** Reports folded in per transaction: one commit instead of hundreds when reports stream in. */
  static final int MAX_BATCH = 500;
  /** Stored reports re-read per device when catching up (the newest; older ones fall out of lookbacks). */
  static final int CATCH_UP_LIMIT = 2_000;
  /** Devices whose ledger and state are kept in memory by default. */
  public static final int DEFAULT_CACHE_DEVICES = 10_000;

  private final EvidenceExtractor extractor;
  private final SignalComputer computer;
  private final Correlator correlator;
  private final PolicyEvaluator evaluator = new PolicyEvaluator();
  private final PolicyRegistry policies;
  private final LedgerCache repo;
  private final CachedFleetView fleet;
  private final ReportSource stored;
  private final java.util.function.Supplier<Roster> roster;
  private final IpIntel baseIntel;
  private final Clock clock;
  private final BlockingQueue<DeviceReport> queue;
  private final Set<String> dirty = new LinkedHashSet<>();
  /** Devices with acknowledged reports detection did not get (dropped hand-offs): caught up from the store. */
  private final Set<String> behind = new LinkedHashSet<>();
  /** Unchanged outcomes are rewritten only when the stored verdict is this old. */
  static final Duration REWRITE_AFTER = Duration.ofMinutes(10);
  /**
   * The stored verdict per device as this engine last wrote or read it: an optimisation only. It lets a round
   * skip writing unchanged verdicts; whether a verdict is history is decided by the store, against what it
   * holds ({@link DetectionRepository#saveVerdicts}), and verdicts the cache calls unchanged are checked against
   * the store once per round ({@link #unconfirmed}), since another collector may have stored another one.
   */
  private final java.util.Map<String, Verdict> written = new java.util.concurrent.ConcurrentHashMap<>();
  /** Verdicts of the current round, stored together at its end (guarded by lock). */
  private final List<Verdict> unsaved = new ArrayList<>();
  /**
   * Verdicts of the current round the cache says are unchanged and fresh: at its end, one read tells which
   * stored verdicts another collector replaced, and those are compared again (guarded by lock).
   */
  private final Map<String, Verdict> unconfirmed = new java.util.LinkedHashMap<>();
  /** Most verdicts stored in one transaction by a whole-fleet evaluation. */
  private static final int SAVE_CHUNK = 500;
  /** Links already stored, with the last-seen stored: re-stored only when an hour newer. */
  private final java.util.Map<Link, Instant> knownLinks = new java.util.HashMap<>();
  /** Counts the batches of reports folded in (evidence and links changed); see {@link Round}. Guarded by lock. */
  private long folded;
  private final Object lock = new Object();
  private final List<Consumer<Verdict>> listeners = new CopyOnWriteArrayList<>();
  private final LongAdder dropped = new LongAdder();
  private final LongAdder failures = new LongAdder();
  private final LongAdder processed = new LongAdder();
  private final AtomicBoolean running = new AtomicBoolean();
  private volatile boolean busy;
  private Thread worker;

  /** An engine over in-memory or test parts: no stored reports to catch up from. */
  public DetectionEngine(Catalogue catalogue, PolicyRegistry policies, DetectionRepository repo, FleetView fleet,
      java.util.function.Supplier<Roster> roster, IpIntel intel, Clock clock, int queueCapacity) {
    this(catalogue, policies, repo, fleet, ReportSource.none(), roster, intel, clock, queueCapacity,
        DEFAULT_CACHE_DEVICES);
  }

  /**
   * @param stored stored reports, to catch up on hand-offs that were dropped or lost in a restart
   * @param cacheDevices devices whose ledger and current state detection keeps in memory
   */
  public DetectionEngine(Catalogue catalogue, PolicyRegistry policies, DetectionRepository repo, FleetView fleet,
      ReportSource stored, java.util.function.Supplier<Roster> roster, IpIntel intel, Clock clock, int queueCapacity,
      int cacheDevices) {
    this.extractor = new EvidenceExtractor(requireNonNull(catalogue, "catalogue"));
    this.computer = new SignalComputer(catalogue);
    this.policies = requireNonNull(policies, "policies");
    this.clock = requireNonNull(clock, "clock");
    this.repo = new LedgerCache(requireNonNull(repo, "repo"), clock,
        policies.current().policy().lookback().plus(Duration.ofDays(1)), cacheDevices);
    this.correlator = new Correlator(this.repo);
    this.fleet = new CachedFleetView(requireNonNull(fleet, "fleet"), cacheDevices);
    this.stored = requireNonNull(stored, "stored");
    this.roster = requireNonNull(roster, "roster");
    this.baseIntel = requireNonNull(intel, "intel");
    this.queue = new ArrayBlockingQueue<>(queueCapacity);
    policies.addListener(p -> markAllDirty());
  }

  /** Starts the worker thread. Idempotent. */
  public void start() {
    if (running.compareAndSet(false, true)) {
      worker = new Thread(this::loop, "telltale-detect");
      worker.setDaemon(true);
      worker.start();
    }
  }

  /**
   * Hands an acknowledged report to detection. Never blocks; a full queue drops it (counted), and detection
   * reads the device's stored reports once it has caught up with the queue.
   */
  public void submit(DeviceReport report) {
    if (!queue.offer(report)) {
      dropped.increment();
      markBehind(report.deviceId());
    }
  }

  /** A stored report of this device never reached {@link #submit}: catch up from the store. Never blocks. */
  public void markBehind(String deviceId) {
    synchronized (lock) {
      behind.add(deviceId);
    }
  }

  /** Folds one report in and re-evaluates what it touched, on the caller's thread. */
  public void processNow(DeviceReport report) {
    synchronized (lock) {
      process(List.of(report));
    }
    evaluateDirty();
  }

  private void loop() {
    long lastEval = System.nanoTime();
    List<DeviceReport> batch = new ArrayList<>();
    while (running.get()) {
      try {
        DeviceReport r = queue.poll(50, TimeUnit.MILLISECONDS);
        busy = true;
        if (r != null) {
          batch.add(r);
          queue.drainTo(batch, MAX_BATCH - 1);
          synchronized (lock) {
            process(batch);
          }
          batch.clear();
        }
        if (r == null) {
          catchUpBehind();
        }
        if (r == null || System.nanoTime() - lastEval > DEBOUNCE.toNanos()) {
          evaluateDirty();
          lastEval = System.nanoTime();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException | Error e) {
        failures.increment();
        LOG.warn("detection worker step failed; continuing", e);
      } finally {
        busy = false;
      }
    }
  }

  private void process(List<DeviceReport> reports) {
    IpIntel intel = intel(policies.current().policy());
    Duration window = policies.current().policy().clusterWindow();
    List<DetectionRepository.Contribution> batch = new ArrayList<>();
    List<DeviceReport> ok = new ArrayList<>();
    for (DeviceReport r : inSequence(reports)) {
      try {
        EvidenceExtractor.Extraction x = extractor.extract(r);
        Correlator.Keys keys = correlator.keys(r, x, intel);
        batch.add(new DetectionRepository.Contribution(x, keys.all(), keys.venue()));
        ok.add(r);
      } catch (RuntimeException e) {
        failures.increment();
        LOG.warn("{} - report {} not processed by detection: {}", r.deviceId(), r.sequence(), e.toString());
      }
    }
    List<List<NetworkKey>> fresh;
    try {
      fresh = repo.recordFresh(batch);
    } catch (RuntimeException e) {
      failures.add(batch.size());
      LOG.warn("detection could not record {} reports (caught up from the store later): {}", batch.size(),
          e.toString());
      ok.forEach(r -> {
        dirty.add(r.deviceId());
        behind.add(r.deviceId());
      });
      return;
    }
    folded++;
    ok.forEach(fleet::apply);
    List<Link> links = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      DetectionRepository.Contribution c = batch.get(i);
      String device = c.extraction().deviceId();
      dirty.add(device);
      // Only keys new to the device or not looked up for a while: a heartbeat from the same house again
      // finds the same neighbours, and they find it from their side when they arrive.
      List<NetworkKey> linkable = fresh.get(i).stream().filter(k -> !c.venueKeys().contains(k)).toList();
      if (linkable.isEmpty()) {
        continue;
      }
      try {
        links.addAll(correlator.linksFor(device, linkable, c.extraction().seenAt(), window, this::personOf));
      } catch (RuntimeException e) {
        failures.increment();
        LOG.warn("{} - correlation failed: {}", device, e.toString());
      }
    }
    storeLinks(links, window);
    processed.add(ok.size());
  }

  /**
   * The reports to fold in, with any stored reports of the same device that detection has not recorded yet
   * (between its recorded sequence and the report's) inserted before them.
   */
  private List<DeviceReport> inSequence(List<DeviceReport> reports) {
    Map<String, Long> recorded = new HashMap<>();
    List<DeviceReport> out = new ArrayList<>(reports.size());
    for (DeviceReport r : reports) {
      long done = recorded.computeIfAbsent(r.deviceId(), this::processedSequence);
      if (r.sequence() > done + 1) {
        try {
          out.addAll(stored.reportsBetween(r.deviceId(), done, r.sequence(), CATCH_UP_LIMIT));
        } catch (RuntimeException e) {
          failures.increment();
          LOG.warn("{} - could not read reports {}..{} to catch up: {}", r.deviceId(), done + 1, r.sequence() - 1,
              e.toString());
        }
      }
      out.add(r);
      recorded.put(r.deviceId(), Math.max(done, r.sequence()));
    }
    return out;
  }

  private void storeLinks(List<Link> links, Duration window) {
    List<Link> fresh = new ArrayList<>();
    boolean newLink = false;
    for (Link l : links) {
      Link id = new Link(l.deviceA(), l.deviceB(), l.key(), Instant.EPOCH, Instant.EPOCH);
      Instant stored = knownLinks.get(id);
      if (stored == null || l.lastSeen().isAfter(stored.plus(Duration.ofHours(1)))) {
        fresh.add(l);
        newLink |= stored == null;
        knownLinks.put(id, l.lastSeen());
      }
    }
    if (knownLinks.size() > 200_000) {
      knownLinks.clear(); // a cache only: the store has every link
    }
    if (fresh.isEmpty()) {
      return;
    }
    try {
      repo.upsertLinks(fresh);
      if (!newLink) {
        return;
      }
      Set<String> ends = new LinkedHashSet<>();
      fresh.forEach(l -> {
        ends.add(l.deviceA());
        ends.add(l.deviceB());
      });
      Set<String> covered = new java.util.HashSet<>();
      for (String d : ends) {
        if (covered.contains(d)) {
          continue;
        }
        Correlator.Component comp = correlator.component(d, clock.instant(), window);
        if (comp != null) {
          dirty.addAll(comp.members());
          covered.addAll(comp.members());
        }
      }
    } catch (RuntimeException e) {
      failures.increment();
      LOG.warn("detection could not store {} links: {}", fresh.size(), e.toString());
    }
  }

  /** The newest sequence of the device that detection folded in; 0 when none. */
  private long processedSequence(String deviceId) {
    return repo.seen(deviceId).map(DetectionRepository.SeenSpan::processedSequence).orElse(0L);
  }

  /** Reads the stored reports detection missed for the devices marked behind. */
  private void catchUpBehind() {
    List<String> devices;
    synchronized (lock) {
      if (behind.isEmpty()) {
        return;
      }
      devices = new ArrayList<>(behind);
      behind.clear();
    }
    for (String d : devices) {
      catchUp(d, Long.MAX_VALUE);
    }
  }

  /**
   * Folds in every stored report detection has not recorded, for every device (start-up, and the periodic
   * sweep: reports acknowledged just before a restart, hand-offs dropped, reports of another collector).
   */
  public void catchUpAll() {
    Map<String, Long> done = repo.processedSequences();
    for (Map.Entry<String, Long> e : stored.lastSequences().entrySet()) {
      if (e.getValue() > done.getOrDefault(e.getKey(), 0L)) {
        catchUp(e.getKey(), e.getValue() + 1);
      }
    }
  }

  private void catchUp(String deviceId, long before) {
    try {
      synchronized (lock) {
        long done = processedSequence(deviceId);
        List<DeviceReport> missing = stored.reportsBetween(deviceId, done, before, CATCH_UP_LIMIT);
        for (int i = 0; i < missing.size(); i += MAX_BATCH) {
          process(missing.subList(i, Math.min(missing.size(), i + MAX_BATCH)));
        }
        if (!missing.isEmpty()) {
          LOG.info("{} - detection caught up on {} stored report(s)", deviceId, missing.size());
        }
      }
    } catch (RuntimeException e) {
      failures.increment();
      LOG.warn("{} - detection could not catch up: {}", deviceId, e.toString());
    }
  }

  /**
   * Cluster components and member evidence computed in one evaluation round (a live round, one preview, one
   * {@link #signals} call), shared by the devices it evaluates: the members of a cluster need the same
   * component and each other's evidence, computed once. Whoever runs a round creates it and drops it at the
   * end, so no round sees another's: a component computed before links changed or at an earlier "now", or
   * under another policy's cluster window and lookback. The live round releases {@link #lock} between devices
   * (ingest goes on meanwhile), so a preview or signals call can run in the middle of it: they never share it.
   * Within a round the caches hold while the policy and the stored data stay as they were: a policy applied,
   * or reports folded in (the worker's, while the sweep's whole-fleet round runs on its thread), empties them,
   * so a later device of a long round never gets a cluster older than a verdict the worker stored meanwhile.
   * Read and written under {@link #lock}.
   */
  private static final class Round {
    private final Map<String, Optional<Correlator.Component>> components = new HashMap<>();
    private final Map<String, List<EvidenceRecord>> evidence = new HashMap<>();
    private final Map<Correlator.Component, ClusterViews.Summary> summaries = new java.util.IdentityHashMap<>();
    private @Nullable Policy policy;
    private long folded = -1;

    /** The caches, for policy {@code p} over the data as of {@code folded} batches folded in. */
    Round under(Policy p, long folded) {
      if (p != policy || folded != this.folded) {
        components.clear();
        evidence.clear();
        summaries.clear();
        policy = p;
        this.folded = folded;
      }
      return this;
    }
  }

  private void evaluateDirty() {
    List<String> todo;
    synchronized (lock) {
      todo = new ArrayList<>(dirty);
      dirty.clear();
    }
    Round round = new Round();
    for (String id : todo) {
      evaluateInRound(id, round);
    }
    saveVerdicts();
  }

  /** Recomputes one device's verdict now and stores it; empty when the device never reported. */
  public Optional<Verdict> evaluate(String deviceId) {
    Optional<Verdict> v = evaluateInRound(deviceId, new Round());
    saveVerdicts();
    return v;
  }

  private Optional<Verdict> evaluateInRound(String deviceId, Round round) {
    try {
      synchronized (lock) {
        return evaluateLocked(deviceId, clock.instant(), round);
      }
    } catch (RuntimeException e) {
      failures.increment();
      LOG.warn("{} - evaluation failed: {}", deviceId, e.toString());
      return Optional.empty();
    }
  }

  /** Recomputes every device (policy change, periodic sweep, end of a replay). */
  public void evaluateAll() {
    Round round = new Round();
    for (String id : fleet.deviceIds()) {
      evaluateInRound(id, round);
      if (pendingVerdicts() >= SAVE_CHUNK) {
        saveVerdicts();
      }
    }
    saveVerdicts();
  }

  private int pendingVerdicts() {
    synchronized (lock) {
      return unsaved.size() + unconfirmed.size();
    }
  }

  /**
   * Stores the verdicts of the round in one transaction: taking SQLite's single write lock once per device
   * starved detection behind ingest's group commits. If that fails, the devices are evaluated again. Before
   * that, one read checks the verdicts the cache called unchanged against the store.
   */
  private void saveVerdicts() {
    List<Verdict> writes;
    Map<String, Verdict> unsure;
    synchronized (lock) {
      if (unsaved.isEmpty() && unconfirmed.isEmpty()) {
        return;
      }
      writes = new ArrayList<>(unsaved);
      unsaved.clear();
      unsure = new java.util.LinkedHashMap<>(unconfirmed);
      unconfirmed.clear();
    }
    writes.forEach(v -> unsure.remove(v.deviceId())); // stored anyway
    if (!unsure.isEmpty()) {
      writes.addAll(confirm(unsure));
    }
    if (writes.isEmpty()) {
      return;
    }
    try {
      repo.saveVerdicts(writes);
    } catch (RuntimeException e) {
      failures.increment();
      LOG.warn("storing {} verdicts failed; they are recomputed: {}", writes.size(), e.toString());
      synchronized (lock) {
        for (Verdict v : writes) {
          written.remove(v.deviceId());
          dirty.add(v.deviceId());
        }
      }
    }
  }

  /**
   * Of verdicts the cache called unchanged and fresh, those to store after all: where another collector stored
   * a verdict since this engine wrote or read its own, the new one is compared with that (a different
   * outcome is stored, and is a change for the listeners; the same one is taken into the cache, and rewritten
   * only when {@link #REWRITE_AFTER} old). One read for the round; rows come back only for moved verdicts.
   */
  private List<Verdict> confirm(Map<String, Verdict> unsure) {
    List<Verdict> held = new ArrayList<>();
    unsure.keySet().forEach(d -> {
      Verdict c = written.get(d);
      if (c != null) {
        held.add(c);
      }
    });
    Map<String, Verdict> replaced;
    try {
      replaced = repo.replacedVerdicts(held);
    } catch (RuntimeException e) {
      failures.increment();
      LOG.warn("checking {} cached verdicts failed; they are recomputed: {}", unsure.size(), e.toString());
      synchronized (lock) {
        for (String d : unsure.keySet()) {
          written.remove(d);
          dirty.add(d);
        }
      }
      return List.of();
    }
    List<Verdict> out = new ArrayList<>();
    synchronized (lock) {
      for (Map.Entry<String, Verdict> e : unsure.entrySet()) {
        String d = e.getKey();
        Verdict v = e.getValue();
        Verdict stored = replaced.get(d);
        Verdict base = stored != null ? stored : written.get(d);
        if (base == null || !v.sameOutcome(base) || rewriteDue(base, v)) {
          out.add(v); // the store decides whether it is history
          written.put(d, v);
          if (base != null && !v.sameOutcome(base)) {
            changed(base, v);
          }
        } else if (stored != null) {
          written.put(d, stored);
        }
      }
    }
    return out;
  }

  /** Whether an unchanged verdict is rewritten over {@code stored}: ten minutes old, or from a later clock. */
  private static boolean rewriteDue(Verdict stored, Verdict v) {
    return !stored.computedAt().plus(REWRITE_AFTER).isAfter(v.computedAt())
        || stored.computedAt().isAfter(v.computedAt());
  }

  private Optional<Verdict> evaluateLocked(String deviceId, Instant now, Round round) {
    Optional<Verdict> computed = compute(deviceId, policies.current(), now, round);
    if (computed.isEmpty()) {
      return computed;
    }
    Verdict v = computed.get();
    Verdict cached = written.get(deviceId);
    Optional<Verdict> previous = cached != null ? Optional.of(cached) : repo.verdict(deviceId);
    boolean changed = !v.sameOutcome(previous.orElse(null));
    if (changed || (cached == null && rewriteDue(previous.get(), v))) {
      unsaved.add(v);
      written.put(deviceId, v);
    } else if (cached == null) {
      written.put(deviceId, previous.get()); // just read: the stored verdict
    } else {
      unconfirmed.put(deviceId, v); // the cache says unchanged: checked against the store at the round's end
    }
    if (changed) {
      changed(previous.orElse(null), v);
    }
    return Optional.of(v);
  }

  /** A device's outcome changed from {@code before}: logged when newly flagged, and told to the listeners. */
  private void changed(@Nullable Verdict before, Verdict v) {
    if (v.flagged() && (before == null || !before.flagged())) {
      LOG.info("{} - flagged (score {}, {})", v.deviceId(), v.score(), String.join(", ", v.reasons()));
    }
    for (Consumer<Verdict> l : listeners) {
      try {
        l.accept(v);
      } catch (RuntimeException e) {
        LOG.warn("{} - verdict listener failed: {}", v.deviceId(), e.toString());
      }
    }
  }

  /**
   * The verdict a device would get now under {@code set}, without storing it. One device: to preview many,
   * {@link #preview(PolicySet)} shares the work between the members of a cluster.
   */
  public Optional<Verdict> preview(String deviceId, PolicySet set) {
    return preview(set).verdict(deviceId);
  }

  /**
   * A dry run of {@code set} against stored data, at this instant: what {@code policy test} compares before
   * a policy is applied. Nothing is stored and no listener hears of it. It is a round of its own (see
   * {@link Round}): what one preview computes is shared by its devices and by no one else, neither the live
   * rounds running meanwhile nor a preview of another policy.
   */
  public Preview preview(PolicySet set) {
    return new Preview(requireNonNull(set, "set"), clock.instant());
  }

  /** A dry run of one policy at one instant; see {@link #preview(PolicySet)}. Thread-safe. */
  public final class Preview {
    private final PolicySet set;
    private final Instant now;
    private final Round round = new Round();

    private Preview(PolicySet set, Instant now) {
      this.set = set;
      this.now = now;
    }

    /** The verdict the device would get; empty when it never reported. */
    public Optional<Verdict> verdict(String deviceId) {
      synchronized (lock) {
        return compute(deviceId, set, now, round);
      }
    }
  }

  private Optional<Verdict> compute(String deviceId, PolicySet set, Instant now, Round round) {
    Optional<DeviceFacts> f = fleet.facts(deviceId);
    if (f.isEmpty()) {
      return Optional.empty();
    }
    Policy p = set.policy();
    DeviceFacts facts = observed(f.get());
    Employee emp = roster.get().of(facts.hardwareSerial(), facts.hostname()).orElse(null);
    Instant since = now.minus(p.lookback());
    SignalInput in = new SignalInput(facts, repo.evidence(deviceId, since),
        repo.hours(deviceId, since, now.plus(Duration.ofHours(1))), emp, intel(p), cluster(deviceId, now, p, round),
        p.approvals(), now, p.lookback(), p.silentAfter());
    return Optional.of(evaluator.evaluate(set, computer.compute(in), emp == null ? "" : emp.id(), now));
  }

  /** Every device that reported. */
  public List<String> deviceIds() {
    return fleet.deviceIds();
  }

  /** The signals a device has now under the live policy (for the API's "why" view and tests). */
  public Optional<Signals> signals(String deviceId) {
    synchronized (lock) {
      Optional<DeviceFacts> f = fleet.facts(deviceId);
      if (f.isEmpty()) {
        return Optional.empty();
      }
      Instant now = clock.instant();
      Policy p = policies.current().policy();
      Employee emp = roster.get().of(f.get().hardwareSerial(), f.get().hostname()).orElse(null);
      Instant since = now.minus(p.lookback());
      return Optional.of(computer.compute(new SignalInput(observed(f.get()), repo.evidence(deviceId, since),
          repo.hours(deviceId, since, now.plus(Duration.ofHours(1))), emp, intel(p),
          cluster(deviceId, now, p, new Round()), p.approvals(), now, p.lookback(), p.silentAfter())));
    }
  }

  /** First/last seen by observation time (a fast replay arrives all at once; what it shows is older). */
  private DeviceFacts observed(DeviceFacts f) {
    Optional<DetectionRepository.SeenSpan> span = repo.seen(f.deviceId());
    if (span.isEmpty()) {
      return f;
    }
    return new DeviceFacts(f.deviceId(), f.hostname(), f.hardwareSerial(), f.os(), span.get().first(),
        span.get().last(), f.lastPublicIp(), f.clockOffsetMs(), f.system(), f.software(), f.hardware(), f.network(),
        f.locale(), f.power(), f.sessions());
  }

  private @Nullable ClusterView cluster(String deviceId, Instant now, Policy p, Round round) {
    Round r = round.under(p, folded);
    Optional<Correlator.Component> cached = r.components.get(deviceId);
    Correlator.Component c = cached != null ? cached.orElse(null) : correlator.component(deviceId, now, p.clusterWindow());
    if (cached == null) {
      if (c == null) {
        r.components.put(deviceId, Optional.empty());
      } else {
        c.members().forEach(m -> r.components.put(m, Optional.of(c)));
      }
    }
    if (c == null) {
      return null;
    }
    Instant since = now.minus(p.lookback());
    ClusterViews.Summary summary = r.summaries.computeIfAbsent(c, x -> ClusterViews.summarize(x,
        m -> r.evidence.computeIfAbsent(m, d -> repo.evidence(d, since)), this::personOf, this::hostname));
    return ClusterViews.of(summary, deviceId, this::personOf, this::hostname);
  }

  private String personOf(String deviceId) {
    return fleet.facts(deviceId).flatMap(f -> roster.get().of(f.hardwareSerial(), f.hostname())).map(Employee::id)
        .orElse("device:" + deviceId);
  }

  private String hostname(String deviceId) {
    return fleet.facts(deviceId).map(DeviceFacts::hostname).orElse(deviceId);
  }

  private IpIntel intel(Policy p) {
    if (p.knownNetworks().isEmpty() && p.knownAsns().isEmpty()) {
      return baseIntel;
    }
    return new CompanyNetworks(p.knownNetworks(), Set.copyOf(p.knownAsns()), baseIntel);
  }

  private void markAllDirty() {
    synchronized (lock) {
      dirty.addAll(fleet.deviceIds());
    }
  }

  /** Waits until every submitted report is processed and every touched device evaluated. */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      boolean idle;
      synchronized (lock) {
        idle = queue.isEmpty() && dirty.isEmpty() && !busy;
      }
      if (idle) {
        return true;
      }
      Thread.sleep(10); // polling a worker's progress; not a test
    }
    return false;
  }

  public void addListener(Consumer<Verdict> listener) {
    listeners.add(requireNonNull(listener, "listener"));
  }

  public DetectionRepository repository() {
    return repo;
  }

  public PolicyRegistry policies() {
    return policies;
  }

  /** Hand-offs dropped because the queue was full; reports processed; failures (processing or evaluation). */
  public long dropped() {
    return dropped.sum();
  }

  public long processed() {
    return processed.sum();
  }

  public long failures() {
    return failures.sum() + evaluator.failures();
  }

  @Override
  public void close() {
    if (running.compareAndSet(true, false) && worker != null) {
      worker.interrupt();
      try {
        worker.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
