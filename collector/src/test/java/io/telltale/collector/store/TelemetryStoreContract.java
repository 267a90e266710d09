package io.telltale.collector.store;

import static io.telltale.collector.TestObjects.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.telltale.collector.TestObjects;
import io.telltale.collector.model.DeviceReport;
import io.telltale.collector.model.OsFamily;
import io.telltale.collector.store.ReportWriter.WriteResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TelemetryStore} must do. Subclasses say how to get a freshly migrated, empty store
 * (STYLE #1); a backend that cannot pass a case overrides it with {@code @Disabled("reason")}.
 */
public abstract class TelemetryStoreContract {

  /** An open store whose tables are empty. */
  protected abstract TelemetryStore store();

  private String device;

  @BeforeEach
  void newDevice() {
    device = UUID.randomUUID().toString();
  }

  protected WriteResult write(DeviceReport r) throws Exception {
    return store().writer().write(r).get(30, TimeUnit.SECONDS);
  }

  @Test
  void check_onReachableStore_isOk() {
    assertThat(store().check().ok()).isTrue();
  }

  @Test
  void write_sameSequenceTwice_storedOnceAndSecondIsDuplicate() throws Exception {
    DeviceReport r = TestObjects.full(device, 1, T0, "203.0.113.5", "bash");
    assertThat(write(r)).isEqualTo(WriteResult.STORED);
    assertThat(write(r)).isEqualTo(WriteResult.DUPLICATE);
    assertThat(store().queries().reportsOf(device, T0.minusSeconds(1), T0.plusSeconds(1))).hasSize(1);
  }

  @Test
  void reportsAfter_roundTripsTheRecordInPositionOrder() throws Exception {
    DeviceReport full = TestObjects.full(device, 1, T0, "203.0.113.5", "bash");
    DeviceReport hb = TestObjects.heartbeat(device, 2, T0.plusSeconds(300), "203.0.113.5", T0.getEpochSecond() / 60, 5);
    write(full);
    write(hb);
    List<StoredReport> mine = store().queries().reportsAfter(0, 10_000).stream()
        .filter(s -> s.report().deviceId().equals(device)).toList();
    assertThat(mine).extracting(StoredReport::report).containsExactly(full, hb);
    assertThat(mine.get(1).position()).isGreaterThan(mine.get(0).position());
  }

  @Test
  void deviceState_heartbeatKeepsFullSectionsAndReplacesVolatileOnes() throws Exception {
    write(TestObjects.full(device, 1, T0, "203.0.113.5", "bash", "anydesk"));
    write(TestObjects.heartbeat(device, 2, T0.plusSeconds(300), "198.51.100.7", T0.getEpochSecond() / 60, 1));
    DeviceState s = store().queries().deviceState(device).orElseThrow();
    assertThat(s.lastSequence()).isEqualTo(2);
    assertThat(s.lastPublicIp()).isEqualTo("198.51.100.7");
    assertThat(s.software().processes()).extracting(p -> p.name()).containsExactly("bash", "anydesk");
    assertThat(s.power().batteryPercent()).isEqualTo(55);
    assertThat(s.lastFullAt()).isEqualTo(T0);
    assertThat(s.system().hostname()).startsWith("host-");
  }

  @Test
  void deviceState_olderSequenceArrivingLate_doesNotOverwriteNewerState() throws Exception {
    write(TestObjects.heartbeat(device, 5, T0.plusSeconds(600), "198.51.100.7", T0.getEpochSecond() / 60, 1));
    write(TestObjects.full(device, 4, T0, "203.0.113.5", "bash"));
    DeviceState s = store().queries().deviceState(device).orElseThrow();
    assertThat(s.lastSequence()).isEqualTo(5);
    assertThat(s.lastPublicIp()).isEqualTo("198.51.100.7");
  }

  @Test
  void fullInventories_recordWhatAppearedAndDisappeared() throws Exception {
    write(TestObjects.full(device, 1, T0, "203.0.113.5", "bash", "firefox"));
    write(TestObjects.full(device, 2, T0.plusSeconds(3600), "203.0.113.5", "bash", "anydesk"));
    assertThat(store().queries().inventory(device, InventoryKind.PROCESS))
        .containsExactly("anydesk|/usr/bin/anydesk", "bash|/usr/bin/bash");
    List<InventoryChange> changes = store().queries().changes(device, T0, T0.plusSeconds(7200)).stream()
        .filter(c -> c.kind() == InventoryKind.PROCESS).toList();
    assertThat(changes).filteredOn(InventoryChange::initial).extracting(InventoryChange::itemKey)
        .containsExactlyInAnyOrder("bash|/usr/bin/bash", "firefox|/usr/bin/firefox");
    assertThat(changes).filteredOn(c -> !c.initial())
        .extracting(InventoryChange::itemKey, InventoryChange::appeared, InventoryChange::at)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("anydesk|/usr/bin/anydesk", true, T0.plusSeconds(3600)),
            org.assertj.core.groups.Tuple.tuple("firefox|/usr/bin/firefox", false, T0.plusSeconds(3600)));
    assertThat(store().queries().devicesWithItem(InventoryKind.PROCESS, "anydesk|/usr/bin/anydesk")).contains(device);
  }

  @Test
  void heartbeat_withoutSlowSections_neverReadsAsEverythingDisappeared() throws Exception {
    write(TestObjects.full(device, 1, T0, "203.0.113.5", "bash"));
    write(TestObjects.heartbeat(device, 2, T0.plusSeconds(300), "203.0.113.5", T0.getEpochSecond() / 60, 1));
    assertThat(store().queries().inventory(device, InventoryKind.PROCESS)).containsExactly("bash|/usr/bin/bash");
    assertThat(store().queries().changes(device, T0, T0.plusSeconds(600)))
        .noneMatch(c -> !c.appeared() && c.kind() == InventoryKind.PROCESS);
  }

  @Test
  void activity_minutesStoredAndHoursAggregated_resentMinutesNotCountedTwice() throws Exception {
    long firstMinute = T0.getEpochSecond() / 60; // 09:00
    write(TestObjects.heartbeat(device, 1, T0.plusSeconds(600), "203.0.113.5", firstMinute, 10));
    // The agent re-sends an overlapping span in a new report: minutes 5..14.
    write(TestObjects.heartbeat(device, 2, T0.plusSeconds(900), "203.0.113.5", firstMinute + 5, 10));
    assertThat(store().queries().activityMinutes(device, T0, T0.plus(Duration.ofHours(1)))).hasSize(15);
    List<ActivityHour> hours = store().queries().activityHours(device, T0, T0.plus(Duration.ofHours(1)));
    assertThat(hours).hasSize(1);
    assertThat(hours.get(0).activeMinutes()).isEqualTo(15);
    assertThat(hours.get(0).localEvents()).isEqualTo(150);
    // odd offsets jiggle: minutes 1,3,5,7,9 from the first report, then new minutes 10..14 are offsets 5,7,9
    assertThat(hours.get(0).jiggleMinutes()).isEqualTo(5 + 3);
  }

  @Test
  void activity_isPlacedOnCollectorTimeUsingTheReportedClockOffset() throws Exception {
    long firstMinute = T0.getEpochSecond() / 60;
    DeviceReport skewed = TestObjects.heartbeat(device, 1, T0, "203.0.113.5", firstMinute, 1);
    skewed = new DeviceReport(skewed.deviceId(), 1, skewed.kind(), skewed.observedAt(), skewed.receivedAt(),
        skewed.publicIp(), "0.1.0", 1, 0, null, null, null, null, null, null, null,
        new io.telltale.collector.model.Timing(10, 3_600_000L), skewed.activity(), List.of());
    write(skewed); // device clock one hour ahead
    assertThat(store().queries().activityMinutes(device, T0.minusSeconds(3600), T0.minusSeconds(3000)))
        .extracting(ActivityMinute::minute).containsExactly(T0.minusSeconds(3600));
  }

  @Test
  void sightings_devicesSharingAKeyAreAnIndexLookup() throws Exception {
    String other = UUID.randomUUID().toString();
    String elsewhere = UUID.randomUUID().toString();
    write(TestObjects.full(device, 1, T0, "203.0.113.77", "bash"));
    write(TestObjects.full(other, 1, T0.plusSeconds(60), "203.0.113.77", "bash"));
    write(TestObjects.full(elsewhere, 1, T0.plusSeconds(60), "192.0.2.1", "bash"));
    assertThat(store().queries().devicesSharing(SightingKind.PUBLIC_IP, "203.0.113.77", T0, T0.plusSeconds(3600)))
        .extracting(Sighting::deviceId).containsExactlyInAnyOrder(device, other);
    assertThat(store().queries().devicesSharing(SightingKind.PUBLIC_IP, "203.0.113.77", T0.plusSeconds(7200),
        T0.plusSeconds(9000))).isEmpty();
    assertThat(store().queries().sightingsOf(device)).extracting(Sighting::kind)
        .contains(SightingKind.PUBLIC_IP, SightingKind.GATEWAY_MAC, SightingKind.BSSID, SightingKind.NEIGHBOR_OUI);
  }

  @Test
  void sighting_spanWidensWithLaterReports() throws Exception {
    write(TestObjects.full(device, 1, T0, "203.0.113.9", "bash"));
    write(TestObjects.heartbeat(device, 2, T0.plusSeconds(900), "203.0.113.9", T0.getEpochSecond() / 60, 1));
    Sighting s = store().queries().sightingsOf(device).stream().filter(x -> x.kind() == SightingKind.PUBLIC_IP)
        .findFirst().orElseThrow();
    assertThat(s.firstSeen()).isEqualTo(T0);
    assertThat(s.lastSeen()).isEqualTo(T0.plusSeconds(900));
  }

  @Test
  void retention_deletesRawRowsButKeepsAggregatesAndHistory() throws Exception {
    write(TestObjects.full(device, 1, T0, "203.0.113.5", "bash"));
    write(TestObjects.heartbeat(device, 2, T0.plusSeconds(600), "203.0.113.5", T0.getEpochSecond() / 60, 3));
    long deleted = store().retention().deleteReceivedBefore(T0.plusSeconds(3600));
    assertThat(deleted).isGreaterThanOrEqualTo(2 + 3);
    assertThat(store().queries().reportsOf(device, T0.minusSeconds(1), T0.plusSeconds(3600))).isEmpty();
    assertThat(store().queries().activityMinutes(device, T0, T0.plusSeconds(3600))).isEmpty();
    assertThat(store().queries().activityHours(device, T0, T0.plusSeconds(3600))).hasSize(1);
    assertThat(store().queries().changes(device, T0, T0.plusSeconds(3600))).isNotEmpty();
    assertThat(store().queries().deviceState(device)).isPresent();
  }

  @Test
  void retentionByObservedTime_deletesSightingsLastSeenBeforeTheCutoff_andKeepsTheRest() throws Exception {
    write(TestObjects.full(device, 1, T0, "203.0.113.5", "bash"));
    write(TestObjects.heartbeat(device, 2, T0.plusSeconds(7200), "198.51.100.7", T0.getEpochSecond() / 60 + 120, 3));
    Instant cutoff = T0.plusSeconds(3600);
    assertThat(store().retention().deleteObservedBefore(cutoff)).isGreaterThanOrEqualTo(1);
    assertThat(store().queries().sightingsOf(device)).isNotEmpty()
        .allSatisfy(s -> assertThat(s.lastSeen()).isAfterOrEqualTo(cutoff))
        .anySatisfy(s -> assertThat(s.value()).isEqualTo("198.51.100.7"))
        .noneSatisfy(s -> assertThat(s.value()).isEqualTo("203.0.113.5"));
    // Raw rows go by the time received, aggregates stay.
    assertThat(store().queries().reportsOf(device, T0.minusSeconds(1), T0.plusSeconds(7201))).hasSize(2);
    assertThat(store().queries().activityHours(device, T0, T0.plusSeconds(4 * 3600))).isNotEmpty();
    assertThat(store().queries().changes(device, T0, T0.plusSeconds(7200))).isNotEmpty();
  }

  @Test
  void groupCommit_manyConcurrentWrites_allStoredExactlyOnce() throws Exception {
    List<CompletableFuture<WriteResult>> futures = new ArrayList<>();
    for (int seq = 1; seq <= 300; seq++) {
      futures.add(store().writer().write(
          TestObjects.heartbeat(device, seq, T0.plusSeconds(seq * 60L), "203.0.113.5", T0.getEpochSecond() / 60 + seq, 1)));
      if (seq % 3 == 0) { // and a duplicate now and then
        futures.add(store().writer().write(
            TestObjects.heartbeat(device, seq, T0.plusSeconds(seq * 60L), "203.0.113.5", T0.getEpochSecond() / 60 + seq, 1)));
      }
    }
    CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    assertThat(futures).extracting(CompletableFuture::join).filteredOn(r -> r == WriteResult.STORED).hasSize(300);
    assertThat(store().queries().reportsOf(device, T0, T0.plusSeconds(400 * 60L))).hasSize(300);
  }

  @Test
  void write_sameReportTwiceWithoutWaiting_oneCopyStoredAndTheOtherDuplicate() throws Exception {
    DeviceReport r = TestObjects.full(device, 1, T0, "203.0.113.5", "bash");
    // Queued back to back, the two copies usually share one group commit; either way one is a duplicate.
    CompletableFuture<WriteResult> a = store().writer().write(r);
    CompletableFuture<WriteResult> b = store().writer().write(r);
    assertThat(List.of(a.get(30, TimeUnit.SECONDS), b.get(30, TimeUnit.SECONDS)))
        .containsExactlyInAnyOrder(WriteResult.STORED, WriteResult.DUPLICATE);
    assertThat(store().queries().reportsOf(device, T0.minusSeconds(1), T0.plusSeconds(1))).hasSize(1);
    assertThat(store().queries().changes(device, T0, T0.plusSeconds(1)))
        .filteredOn(c -> c.kind() == InventoryKind.PROCESS).hasSize(1);
  }

  @Test
  void write_burstOfManyDevices_whereverTheBatchesSplit_eachDeviceEndsAtItsNewestReport() throws Exception {
    List<String> devices = new ArrayList<>();
    for (int d = 0; d < 12; d++) {
      devices.add(UUID.randomUUID().toString());
    }
    long firstMinute = T0.getEpochSecond() / 60;
    List<CompletableFuture<WriteResult>> futures = new ArrayList<>();
    for (int seq = 1; seq <= 10; seq++) { // interleaved: every batch holds several devices
      for (String d : devices) {
        Instant at = T0.plusSeconds(seq * 300L);
        DeviceReport r = switch (seq) {
          case 1 -> TestObjects.full(d, seq, at, "203.0.113.1", "bash", "firefox");
          case 6 -> TestObjects.full(d, seq, at, "203.0.113.6", "bash", "anydesk");
          default -> TestObjects.heartbeat(d, seq, at, "203.0.113." + seq, firstMinute + seq * 5L, 5);
        };
        futures.add(store().writer().write(r));
      }
    }
    CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    assertThat(futures).extracting(CompletableFuture::join).containsOnly(WriteResult.STORED);
    for (String d : devices) {
      DeviceState s = store().queries().deviceState(d).orElseThrow();
      assertThat(s.lastSequence()).isEqualTo(10);
      assertThat(s.lastPublicIp()).isEqualTo("203.0.113.10");
      assertThat(s.lastFullAt()).isEqualTo(T0.plusSeconds(6 * 300L));
      assertThat(s.software().processes()).extracting(p -> p.name()).containsExactly("bash", "anydesk");
      assertThat(store().queries().inventory(d, InventoryKind.PROCESS))
          .containsExactly("anydesk|/usr/bin/anydesk", "bash|/usr/bin/bash");
      assertThat(store().queries().inventory(d, InventoryKind.PUBLIC_IP)).containsExactly("203.0.113.10");
      List<InventoryChange> processChanges = store().queries().changes(d, T0, T0.plusSeconds(7200)).stream()
          .filter(c -> c.kind() == InventoryKind.PROCESS && !c.initial()).toList();
      assertThat(processChanges).extracting(InventoryChange::itemKey, InventoryChange::appeared)
          .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("anydesk|/usr/bin/anydesk", true),
              org.assertj.core.groups.Tuple.tuple("firefox|/usr/bin/firefox", false));
      // 8 heartbeats x 5 minutes, each minute with 10 local events, none counted twice
      List<ActivityHour> hours = store().queries().activityHours(d, T0.minusSeconds(3600), T0.plusSeconds(4 * 3600));
      assertThat(hours.stream().mapToLong(ActivityHour::localEvents).sum()).isEqualTo(8 * 5 * 10);
      assertThat(store().queries().sightingsOf(d)).filteredOn(x -> x.kind() == SightingKind.PUBLIC_IP)
          .extracting(Sighting::value).hasSize(10).contains("203.0.113.1", "203.0.113.10");
    }
  }

  @Test
  void write_outOfOrderWithoutWaiting_stateIsTheNewestReportAndAllAreStored() throws Exception {
    long firstMinute = T0.getEpochSecond() / 60;
    List<CompletableFuture<WriteResult>> futures = List.of(
        store().writer().write(TestObjects.heartbeat(device, 3, T0.plusSeconds(600), "198.51.100.3", firstMinute + 10, 1)),
        store().writer().write(TestObjects.heartbeat(device, 2, T0.plusSeconds(300), "198.51.100.2", firstMinute + 5, 1)),
        store().writer().write(TestObjects.full(device, 1, T0, "198.51.100.1", "bash")));
    for (CompletableFuture<WriteResult> f : futures) {
      assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo(WriteResult.STORED);
    }
    DeviceState s = store().queries().deviceState(device).orElseThrow();
    assertThat(s.lastSequence()).isEqualTo(3);
    assertThat(s.lastPublicIp()).isEqualTo("198.51.100.3");
    assertThat(store().queries().reportsOf(device, T0.minusSeconds(1), T0.plusSeconds(3600))).hasSize(3);
    assertThat(store().queries().activityMinutes(device, T0, T0.plusSeconds(3600))).hasSize(2);
  }

  // Enrollment, tokens, devices ---------------------------------------------------------------------

  private EnrollmentToken token(String hash, Instant expires, int maxUses) {
    EnrollmentToken t = new EnrollmentToken(hash.substring(0, 10), hash, T0, expires, maxUses, 0, null);
    store().tokens().create(t);
    return t;
  }

  private static String randomHash() {
    return HexFormat.of().formatHex(UUID.randomUUID().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .substring(0, 64);
  }

  private NewDevice newDevice(String id) {
    return new NewDevice(id, T0, "laptop-1", "SER123", OsFamily.WINDOWS, "0.1.0",
        new IssuedCertificate(UUID.randomUUID().toString().replace("-", ""), id, T0, T0.plus(Duration.ofDays(90)), "ab"));
  }

  @Test
  void enroll_consumesUses_thenRefusesUsedUp() {
    String hash = randomHash();
    token(hash, T0.plus(Duration.ofDays(7)), 2);
    assertThat(store().devices().enroll(hash, newDevice(device), T0)).isInstanceOf(EnrollOutcome.Enrolled.class);
    assertThat(store().devices().enroll(hash, newDevice(UUID.randomUUID().toString()), T0))
        .isInstanceOf(EnrollOutcome.Enrolled.class);
    String third = UUID.randomUUID().toString();
    EnrollOutcome outcome = store().devices().enroll(hash, newDevice(third), T0);
    assertThat(outcome).isInstanceOfSatisfying(EnrollOutcome.Refused.class, r -> {
      assertThat(r.reason()).isEqualTo(EnrollOutcome.Reason.USED_UP);
      assertThat(r.token().uses()).isEqualTo(2);
    });
    assertThat(store().devices().find(third)).isEmpty();
    assertThat(store().devices().find(device)).hasValueSatisfying(d -> assertThat(d.hardwareSerial()).isEqualTo("SER123"));
  }

  @Test
  void enroll_expiredRevokedOrUnknownToken_isRefusedWithTheReason() {
    String expired = randomHash();
    token(expired, T0.minusSeconds(1), 5);
    String revoked = randomHash();
    EnrollmentToken r = token(revoked, T0.plus(Duration.ofDays(1)), 5);
    assertThat(store().tokens().revoke(r.id(), T0)).isTrue();
    assertThat(store().tokens().revoke(r.id(), T0)).isFalse();
    assertThat(((EnrollOutcome.Refused) store().devices().enroll(expired, newDevice(device), T0)).reason())
        .isEqualTo(EnrollOutcome.Reason.EXPIRED);
    assertThat(((EnrollOutcome.Refused) store().devices().enroll(revoked, newDevice(device), T0)).reason())
        .isEqualTo(EnrollOutcome.Reason.REVOKED);
    assertThat(((EnrollOutcome.Refused) store().devices().enroll(randomHash(), newDevice(device), T0)).reason())
        .isEqualTo(EnrollOutcome.Reason.UNKNOWN);
    assertThat(store().devices().find(device)).isEmpty();
  }

  @Test
  void devices_revokeAndRenewAreRecorded() {
    String hash = randomHash();
    token(hash, T0.plus(Duration.ofDays(7)), 1);
    store().devices().enroll(hash, newDevice(device), T0);
    IssuedCertificate renewed = new IssuedCertificate("beef", device, T0, T0.plus(Duration.ofDays(180)), "cd");
    assertThat(store().devices().recordCertificate(renewed, T0)).isTrue();
    assertThat(store().devices().revoke(device, T0.plusSeconds(5))).isTrue();
    DeviceRecord d = store().devices().find(device).orElseThrow();
    assertThat(d.certSerial()).isEqualTo("beef");
    assertThat(d.certExpiresAt()).isEqualTo(T0.plus(Duration.ofDays(180)));
    assertThat(d.revokedAt()).isEqualTo(T0.plusSeconds(5));
    assertThat(store().devices().list()).extracting(DeviceRecord::id).contains(device);
    assertThat(store().devices().revoke(device, T0.plusSeconds(9))).isFalse();
  }

  @Test
  void devices_revokedDevice_cannotRecordARenewedCertificate() {
    String hash = randomHash();
    token(hash, T0.plus(Duration.ofDays(7)), 1);
    store().devices().enroll(hash, newDevice(device), T0);
    String serialBefore = store().devices().find(device).orElseThrow().certSerial();
    assertThat(store().devices().revoke(device, T0.plusSeconds(5))).isTrue();
    IssuedCertificate renewed = new IssuedCertificate("f00d", device, T0, T0.plus(Duration.ofDays(180)), "ef");
    assertThat(store().devices().recordCertificate(renewed, T0.plusSeconds(6))).isFalse();
    assertThat(store().devices().find(device).orElseThrow().certSerial()).isEqualTo(serialBefore);
  }

  @Test
  void settings_identifierKeyIsGeneratedOnce_andConfigVersionBumpsOnChange() {
    byte[] first = store().settings().identifierKey(() -> new byte[32]);
    byte[] second = store().settings().identifierKey(() -> { throw new AssertionError("generated twice"); });
    assertThat(second).isEqualTo(first);
    String base = "config-" + UUID.randomUUID();
    long v1 = store().settings().agentConfigVersion(base, T0);
    assertThat(store().settings().agentConfigVersion(base, T0)).isEqualTo(v1);
    assertThat(store().settings().agentConfigVersion(base + "-changed", T0)).isEqualTo(v1 + 1);
  }

  // Review side: users, API tokens, sessions, audit, triage, roster --------------------------------------

  private static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void users_createFindUpdate_andNameTakenOnce() {
    String name = unique("u");
    UserAccount u = new UserAccount(name, "viewer", "$argon2id$x", T0, null, 0, null);
    assertThat(store().access().createUser(u)).isTrue();
    assertThat(store().access().createUser(u)).isFalse();
    assertThat(store().access().anyUser()).isTrue();
    assertThat(store().access().findUser(name)).contains(u);
    assertThat(store().access().updateUser(name, "admin", "$argon2id$y", T0.plusSeconds(5))).isTrue();
    UserAccount after = store().access().findUser(name).orElseThrow();
    assertThat(after.role()).isEqualTo("admin");
    assertThat(after.passwordHash()).isEqualTo("$argon2id$y");
    assertThat(after.disabledAt()).isEqualTo(T0.plusSeconds(5));
    assertThat(store().access().updateUser(unique("nobody"), "admin", "h", null)).isFalse();
  }

  @Test
  void loginFailures_lockAtTheLimit_andSuccessClears() {
    String name = unique("u");
    store().access().createUser(new UserAccount(name, "viewer", "h", T0, null, 0, null));
    Instant until = T0.plusSeconds(900);
    assertThat(store().access().recordLoginFailure(name, 3, until).orElseThrow().failedLogins()).isEqualTo(1);
    store().access().recordLoginFailure(name, 3, until);
    UserAccount locked = store().access().recordLoginFailure(name, 3, until).orElseThrow();
    assertThat(locked.lockedUntil()).isEqualTo(until);
    assertThat(locked.failedLogins()).isZero();
    store().access().recordLoginSuccess(name);
    assertThat(store().access().findUser(name).orElseThrow().lockedUntil()).isNull();
  }

  @Test
  void apiTokens_foundByHashOnly_revokedOnce_touched() {
    String id = unique("t");
    ApiTokenRecord t = new ApiTokenRecord(id, "hash-" + id, "ci", "admin", "viewer", T0, null, null, null);
    store().access().createApiToken(t);
    assertThat(store().access().findApiTokenByHash("hash-" + id)).contains(t);
    assertThat(store().access().apiTokens()).contains(t);
    store().access().touchApiToken(id, T0.plusSeconds(60));
    assertThat(store().access().findApiTokenByHash("hash-" + id).orElseThrow().lastUsedAt()).isEqualTo(T0.plusSeconds(60));
    assertThat(store().access().revokeApiToken(id, T0.plusSeconds(120))).isTrue();
    assertThat(store().access().revokeApiToken(id, T0.plusSeconds(180))).isFalse();
    assertThat(store().access().findApiTokenByHash("hash-" + id).orElseThrow().activeAt(T0.plusSeconds(200))).isFalse();
  }

  @Test
  void sessions_createFindDelete_andExpire() {
    String user = unique("u");
    ConsoleSession a = new ConsoleSession(unique("h"), user, "csrf", T0, T0.plusSeconds(60));
    ConsoleSession b = new ConsoleSession(unique("h"), user, "csrf", T0, T0.plusSeconds(3600));
    store().access().createSession(a);
    store().access().createSession(b);
    assertThat(store().access().findSession(a.idHash())).contains(a);
    assertThat(store().access().deleteExpiredSessions(T0.plusSeconds(61))).isGreaterThanOrEqualTo(1);
    assertThat(store().access().findSession(a.idHash())).isEmpty();
    assertThat(store().access().deleteSessionsOf(user)).isEqualTo(1);
    assertThat(store().access().findSession(b.idHash())).isEmpty();
  }

  @Test
  void audit_appendsWithIncreasingIds_andFiltersNewestFirst() {
    String actor = unique("a");
    long first = store().audit().append(new AuditEntry(0, T0, actor, "triage.set", "dev-1", "{\"state\":\"NEW\"}",
        "{\"state\":\"INVESTIGATING\"}", "127.0.0.1"));
    long second = store().audit().append(new AuditEntry(0, T0.plusSeconds(1), actor, "policy.apply", "v2", "", "",
        "127.0.0.1"));
    assertThat(second).isGreaterThan(first);
    List<AuditEntry> mine = store().audit().list(actor, null, null, null, 0, 10);
    assertThat(mine).extracting(AuditEntry::action).containsExactly("policy.apply", "triage.set");
    assertThat(mine.get(1).before()).isEqualTo("{\"state\":\"NEW\"}");
    assertThat(mine.get(1).sourceIp()).isEqualTo("127.0.0.1");
    assertThat(store().audit().list(actor, "triage.", null, null, 0, 10)).hasSize(1);
    assertThat(store().audit().list(actor, null, T0.plusSeconds(1), null, 0, 10)).hasSize(1);
    assertThat(store().audit().list(actor, null, null, null, 1, 10)).hasSize(1);
  }

  @Test
  void triage_upsertsAndKeepsNotesInOrder() {
    store().triage().put(new TriageRecord(device, "INVESTIGATING", "", T0, "alice"));
    store().triage().put(new TriageRecord(device, "CONFIRMED", "bob", T0.plusSeconds(5), "alice"));
    assertThat(store().triage().find(device).orElseThrow().state()).isEqualTo("CONFIRMED");
    assertThat(store().triage().all()).extracting(TriageRecord::deviceId).contains(device);
    long n1 = store().triage().addNote(new TriageNote(0, device, "alice", "first", T0));
    long n2 = store().triage().addNote(new TriageNote(0, device, "bob", "second", T0.plusSeconds(1)));
    assertThat(n2).isGreaterThan(n1);
    assertThat(store().triage().notes(device)).extracting(TriageNote::body).containsExactly("first", "second");
  }

  @Test
  void roster_replaceAll_swapsTheWholeRoster() {
    RosterEmployee ada = new RosterEmployee("e1", "Ada", "ada@example.com", "US", "TX", "America/Chicago",
        List.of("SER-1", "SER-2"), List.of("ada-lap"), List.of("eng", "it-support"));
    store().roster().replaceAll(List.of(ada), T0);
    assertThat(store().roster().list()).containsExactly(ada);
    RosterEmployee bob = new RosterEmployee("e2", "Bob", "", "", "", "", List.of("SER-3"), List.of(), List.of());
    store().roster().replaceAll(List.of(bob), T0.plusSeconds(1));
    assertThat(store().roster().list()).containsExactly(bob);
  }
}
