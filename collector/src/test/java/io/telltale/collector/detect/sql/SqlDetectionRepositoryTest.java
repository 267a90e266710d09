package io.telltale.collector.detect.sql;

import static io.telltale.collector.detect.TestObjects.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.telltale.collector.detect.DetectionRepository;
import io.telltale.collector.detect.Evidence;
import io.telltale.collector.detect.EvidenceExtractor;
import io.telltale.collector.detect.EvidenceRecord;
import io.telltale.collector.detect.Finding;
import io.telltale.collector.detect.HourBits;
import io.telltale.collector.detect.InMemoryDetectionRepository;
import io.telltale.collector.detect.Link;
import io.telltale.collector.detect.NetworkKey;
import io.telltale.collector.detect.Verdict;
import io.telltale.collector.detect.policy.PolicyVersions;
import io.telltale.collector.store.TelemetryStore;
import io.telltale.collector.store.sql.SqlTelemetryStore;
import io.telltale.collector.store.sql.sqlite.SqliteTelemetryStores;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One set of repository behaviours, run on memory and on a SQLite file here, and on a real PostgreSQL in
 * {@link PostgresDetectionRepositoryIT} (the production SQL on both dialects).
 */
class SqlDetectionRepositoryTest {

  abstract static class Contract {
    abstract DetectionRepository repo();

    private final EvidenceExtractor extractor = new EvidenceExtractor(CATALOGUE);

    DetectionRepository.Contribution at(int hour, String device) {
      var r = report(device).seq(hour).at(Duration.ofHours(hour)).software(anyDesk()).ip("192.0.2." + hour)
          .activity(30, 2, 0, 0, 0, "").build();
      var x = extractor.extract(r);
      return new DetectionRepository.Contribution(x, List.of(new NetworkKey(NetworkKey.BSSID, "hmac:b")),
          Set.of(new NetworkKey(NetworkKey.PUBLIC_IP, "192.0.2." + hour)));
    }

    @Test
    void recordingTwiceOrOutOfOrder_givesTheSameState() {
      repo().record(List.of(at(5, "d"), at(2, "d")));
      repo().record(List.of(at(5, "d")));
      List<EvidenceRecord> ev = repo().evidence("d", Instant.EPOCH);
      assertThat(ev).isNotEmpty().allSatisfy(r -> {
        assertThat(r.firstSeen()).isEqualTo(T0.plus(Duration.ofHours(2)));
        assertThat(r.lastSeen()).isEqualTo(T0.plus(Duration.ofHours(5)));
      });
      assertThat(repo().seen("d")).get().extracting(DetectionRepository.SeenSpan::first)
          .isEqualTo(T0.plus(Duration.ofHours(2)));
      List<HourBits> hours = repo().hours("d", T0, T0.plus(Duration.ofDays(1)));
      assertThat(hours.stream().mapToInt(HourBits::activeMinutes).sum()).isEqualTo(60);
      assertThat(hours).anySatisfy(h -> assertThat(h.publicIps()).contains("192.0.2.5"));
    }

    DetectionRepository.Contribution sessions(int minute, String... tools) {
      var r = report("s").seq(minute).at(Duration.ofHours(5).plusMinutes(minute)).sessions(remoteToolSessions(tools))
          .build();
      return new DetectionRepository.Contribution(extractor.extract(r), List.of(), Set.of());
    }

    @Test
    void sessionFamiliesOfAnHour_mergeAsASet() {
      // Names are compared exactly: a LIKE wildcard or another case is another family, a suffix is not the name.
      repo().record(List.of(sessions(1, "TeamViewer"), sessions(2, "Tool_1", "TeamViewer"), sessions(3)));
      repo().record(List.of(sessions(4, "ToolX1", "tool_1", "RealVNC"), sessions(2, "Tool_1", "TeamViewer")));
      repo().record(List.of(sessions(5, "VNC")));
      assertThat(repo().hours("s", T0, T0.plus(Duration.ofDays(1)))).singleElement().satisfies(h -> {
        assertThat(h.has(HourBits.REMOTE_SESSION)).isTrue();
        assertThat(h.sessionFamilies())
            .containsExactlyInAnyOrder("TeamViewer", "Tool_1", "ToolX1", "tool_1", "RealVNC", "VNC");
      });
    }

    @Test
    void keysAreIndexed_andVenuesRemembered() {
      repo().record(List.of(at(1, "a"), at(3, "b")));
      assertThat(repo().sharing(new NetworkKey(NetworkKey.BSSID, "hmac:b"), T0, T0.plus(Duration.ofHours(2))))
          .extracting(s -> s.deviceId()).containsExactly("a");
      assertThat(repo().venues(List.of(new NetworkKey(NetworkKey.PUBLIC_IP, "192.0.2.1"),
          new NetworkKey(NetworkKey.BSSID, "hmac:b")))).containsExactly(new NetworkKey(NetworkKey.PUBLIC_IP, "192.0.2.1"));
    }

    @Test
    void linksMerge_andAreFoundFromEitherEnd() {
      NetworkKey k = new NetworkKey(NetworkKey.GATEWAY_MAC, "hmac:g");
      repo().upsertLinks(List.of(Link.of("b", "a", k, T0.plusSeconds(60), T0.plusSeconds(120))));
      repo().upsertLinks(List.of(Link.of("a", "b", k, T0, T0.plusSeconds(90))));
      assertThat(repo().links("b", T0)).singleElement().satisfies(l -> {
        assertThat(l.firstSeen()).isEqualTo(T0);
        assertThat(l.lastSeen()).isEqualTo(T0.plusSeconds(120));
      });
      assertThat(repo().links("a", T0.plusSeconds(200))).isEmpty();
    }

    @Test
    void verdicts_roundTrip_andHistoryKeepsOnlyChanges() {
      Evidence e = Evidence.of("kvm.usb_identity", "k", "PiKVM", "usb_id", "1d6b:0104");
      Verdict v1 = new Verdict("d", "HOST", 100, true, List.of(new Finding("kvm.x", "t", "high", 100, "kvm", true,
          true, List.of(e))), "c-1", "abc", T0, List.of(), List.of());
      assertThat(repo().saveVerdict(v1)).isTrue();
      assertThat(repo().saveVerdict(v1)).isFalse();
      assertThat(repo().verdict("d")).contains(v1);
      assertThat(repo().history("d")).containsExactly(v1);
      assertThat(repo().verdicts()).containsExactly(v1);
    }

    /** A verdict of device d: {@code rules} held (each weighing 50), computed {@code minute} minutes after T0. */
    static Verdict verdict(boolean flagged, int score, String cluster, int minute, String... rules) {
      List<Finding> findings = java.util.Arrays.stream(rules).map(r -> new Finding(r, "t", "high", 50, r, false, true,
          List.of(Evidence.of("kvm.usb_identity", "k" + minute, "PiKVM " + minute, "usb_id", "1d6b:0104")))).toList();
      return new Verdict("d", "HOST-" + minute, score, flagged, findings, cluster, "policy-" + minute,
          T0.plus(Duration.ofMinutes(minute)), List.of(), List.of());
    }

    @Test
    void sameNewOutcomeSavedByTwoCollectors_isOneHistoryEntry() {
      // After a policy change every collector re-evaluates the fleet; each one's cache says "changed".
      Verdict before = verdict(false, 0, null, 0);
      Verdict byA = verdict(true, 100, "c-1", 1, "kvm.x", "cluster.farm");
      Verdict byB = verdict(true, 100, "c-1", 2, "kvm.x", "cluster.farm");
      repo().saveVerdict(before);
      assertThat(repo().saveVerdicts(List.of(byA))).containsExactly(byA);
      assertThat(repo().saveVerdicts(List.of(byB))).isEmpty();
      assertThat(repo().history("d")).containsExactly(before, byA);
      assertThat(repo().verdict("d")).contains(byB);
    }

    @Test
    void aChangeTheWriterDidNotKnowAbout_isStillHistory() {
      // A's cache still says "clean" while B stored "flagged": A's clean verdict changes the stored outcome.
      Verdict clean = verdict(false, 0, null, 0);
      Verdict flagged = verdict(true, 100, null, 1, "kvm.x");
      Verdict cleanAgain = verdict(false, 0, null, 2);
      repo().saveVerdict(clean);
      repo().saveVerdict(flagged);
      assertThat(repo().saveVerdicts(List.of(cleanAgain))).containsExactly(cleanAgain);
      assertThat(repo().history("d")).containsExactly(clean, flagged, cleanAgain);
      assertThat(repo().verdict("d")).contains(cleanAgain);
    }

    @Test
    void history_recordsAChangeOfFlagScoreReasonsOrCluster_andNothingElse() {
      List<Verdict> changes = List.of(verdict(false, 50, null, 0, "a"), verdict(true, 50, null, 1, "a"),
          verdict(true, 60, null, 2, "a"), verdict(true, 60, null, 3, "b"), verdict(true, 60, null, 4, "b", "a"),
          verdict(true, 60, null, 5, "a", "b"), verdict(true, 60, "c-1", 6, "a", "b"),
          verdict(true, 60, "c-2", 7, "a", "b"), verdict(true, 60, null, 8, "a", "b"));
      for (Verdict v : changes) {
        assertThat(repo().saveVerdict(v)).as("%s", v).isTrue();
        // Same outcome: another policy version, time, host name, evidence and suppressions change nothing.
        Verdict same = new Verdict(v.deviceId(), "OTHER", v.score(), v.flagged(), v.findings().stream()
            .map(f -> new Finding(f.ruleId(), "other", "low", 1, "g", true, false, List.of())).toList(),
            v.clusterId(), "another-policy", v.computedAt().plusSeconds(30), List.of("s"), List.of("f"));
        assertThat(v.sameOutcome(same)).isTrue();
        assertThat(repo().saveVerdict(same)).as("%s", same).isFalse();
        assertThat(repo().verdict("d")).contains(same);
      }
      assertThat(repo().history("d")).containsExactlyElementsOf(changes);
    }

    @Test
    void oneBatch_comparesEachVerdictWithTheOneBeforeIt() {
      Verdict clean = verdict(false, 0, null, 0);
      Verdict flagged = verdict(true, 100, null, 1, "kvm.x");
      Verdict flaggedLater = verdict(true, 100, null, 2, "kvm.x");
      Verdict cleanAgain = verdict(false, 0, null, 3);
      Verdict other = new Verdict("e", "E", 0, false, List.of(), null, "p", T0, List.of(), List.of());
      assertThat(repo().saveVerdicts(List.of(clean, other, flagged, flaggedLater, cleanAgain, other)))
          .containsExactly(clean, other, flagged, cleanAgain);
      assertThat(repo().history("d")).containsExactly(clean, flagged, cleanAgain);
      assertThat(repo().verdict("d")).contains(cleanAgain);
      assertThat(repo().history("e")).containsExactly(other);
    }

    @Test
    void replacedVerdicts_areTheStoredOnesThatAreNotTheHeldOnes() {
      Verdict held = verdict(true, 100, "c-1", 0, "kvm.x");
      repo().saveVerdicts(List.of(held, new Verdict("e", "E", 0, false, List.of(), null, "p", T0, List.of(),
          List.of())));
      Verdict neverStored = new Verdict("x", "X", 0, false, List.of(), null, "p", T0, List.of(), List.of());
      assertThat(repo().replacedVerdicts(List.of(held, neverStored))).isEmpty();
      // Each of these is another verdict than the one stored (a collector holding it would not know).
      List<Verdict> others = List.of(verdict(true, 100, "c-1", 1, "kvm.x"),
          new Verdict("d", "H", 100, true, held.findings(), "c-1", "another", held.computedAt(), List.of(), List.of()),
          verdict(false, 100, "c-1", 0, "kvm.x"), verdict(true, 90, "c-1", 0, "kvm.x"),
          verdict(true, 100, null, 0, "kvm.x"), verdict(true, 100, "c-2", 0, "kvm.x"));
      for (Verdict o : others) {
        assertThat(repo().replacedVerdicts(List.of(o))).as("%s", o).containsExactly(java.util.Map.entry("d", held));
      }
    }
  }

  @Nested
  class InMemory extends Contract {
    final InMemoryDetectionRepository repo = new InMemoryDetectionRepository();

    @Override
    DetectionRepository repo() {
      return repo;
    }
  }

  /** The SQL repository over a store's database: the contract plus what only the SQL side has. */
  abstract static class SqlContract extends Contract {
    private SqlDetectionRepository repo;

    /** An open, freshly migrated store with empty tables. */
    abstract TelemetryStore store();

    @Override
    DetectionRepository repo() {
      if (repo == null) {
        repo = new SqlDetectionRepository(((SqlTelemetryStore) store()).database());
      }
      return repo;
    }

    @Test
    void collectorsSavingTheSameChangesAtOnce_recordEachChangeOnce() throws Exception {
      // Several collectors on one database, each with its own repository, store the same new outcomes of the
      // same devices at the same moment (a policy change re-evaluates the fleet everywhere).
      var db = ((SqlTelemetryStore) store()).database();
      int collectors = 3;
      int rounds = 6;
      List<String> devices = java.util.stream.IntStream.range(0, 40).mapToObj(i -> "dev-" + i).toList();
      var pool = java.util.concurrent.Executors.newFixedThreadPool(collectors);
      try {
        for (int round = 0; round < rounds; round++) {
          boolean flagged = round % 2 == 1;
          Instant at = T0.plus(Duration.ofMinutes(round));
          var start = new java.util.concurrent.CyclicBarrier(collectors);
          List<java.util.concurrent.Future<?>> saves = new java.util.ArrayList<>();
          for (int c = 0; c < collectors; c++) {
            int collector = c;
            SqlDetectionRepository repo = new SqlDetectionRepository(db);
            List<Verdict> batch = devices.stream().map(d -> new Verdict(d, "H", flagged ? 100 : 0, flagged, List.of(),
                null, "p" + collector, at.plusSeconds(collector), List.of(), List.of())).toList();
            saves.add(pool.submit(() -> {
              start.await();
              repo.saveVerdicts(batch);
              return null;
            }));
          }
          for (var f : saves) {
            f.get(60, java.util.concurrent.TimeUnit.SECONDS);
          }
        }
      } finally {
        pool.shutdownNow();
      }
      for (String d : devices) {
        assertThat(repo().history(d)).as(d).extracting(Verdict::flagged)
            .containsExactly(false, true, false, true, false, true);
      }
    }

    @Test
    void policyVersions_areNumbered_andTheLiveTextIsNotRecordedTwice() {
      SqlPolicyVersions versions = new SqlPolicyVersions(((SqlTelemetryStore) store()).database());
      versions.record("a".repeat(64), "rules: []", "one", T0);
      versions.record("a".repeat(64), "rules: []", "one", T0);
      versions.record("b".repeat(64), "rules: [x]", "two", T0.plusSeconds(1));
      assertThat(versions.history()).extracting(PolicyVersions.PolicyVersion::number).containsExactly(2L, 1L);
      assertThat(versions.latest()).get().extracting(PolicyVersions.PolicyVersion::text).isEqualTo("rules: [x]");
    }
    @Test
    void retention_expiresHoursAndKeySightingsOlderThanTheCutoff_andKeepsLedgerLinksAndVerdicts() {
      repo().record(List.of(at(2, "old"), at(30, "new")));
      NetworkKey k = new NetworkKey(NetworkKey.GATEWAY_MAC, "hmac:g");
      repo().upsertLinks(List.of(Link.of("old", "new", k, T0, T0.plusSeconds(60))));
      Verdict v = new Verdict("old", "HOST", 0, false, List.of(), null, "abc", T0, List.of(), List.of());
      repo().saveVerdict(v);
      Instant cutoff = T0.plus(Duration.ofHours(10));

      assertThat(store().retention().deleteObservedBefore(cutoff)).isGreaterThanOrEqualTo(2);

      Instant end = T0.plus(Duration.ofDays(3));
      assertThat(repo().hours("old", T0, end)).isEmpty();
      assertThat(repo().hours("new", T0, end)).isNotEmpty()
          .allSatisfy(h -> assertThat(h.hour()).isAfterOrEqualTo(cutoff));
      assertThat(repo().sharing(new NetworkKey(NetworkKey.BSSID, "hmac:b"), T0, end))
          .extracting(s -> s.deviceId()).containsExactly("new");
      // Aggregates: the evidence ledger, first/last seen, venues, links, verdicts and their history.
      assertThat(repo().evidence("old", Instant.EPOCH)).isNotEmpty();
      assertThat(repo().seen("old")).isPresent();
      assertThat(repo().venues(List.of(new NetworkKey(NetworkKey.PUBLIC_IP, "192.0.2.2")))).isNotEmpty();
      assertThat(repo().links("old", T0)).hasSize(1);
      assertThat(repo().verdict("old")).contains(v);
      assertThat(repo().history("old")).containsExactly(v);
    }
  }

  @Nested
  class Sqlite extends SqlContract {
    @TempDir Path dir;
    TelemetryStore store;

    @BeforeEach
    void open() {
      store = SqliteTelemetryStores.create(dir.resolve("t.db"), 100, 10);
    }

    @AfterEach
    void close() {
      store.close();
    }

    @Override
    TelemetryStore store() {
      return store;
    }
  }
}
