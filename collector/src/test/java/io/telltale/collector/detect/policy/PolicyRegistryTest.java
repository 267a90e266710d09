package io.telltale.collector.detect.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.telltale.collector.detect.Signals;
import io.telltale.collector.detect.Verdict;
import io.telltale.collector.detect.yaml.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyRegistryTest {

  private final Clock clock = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);
  private final PolicyVersions versions = PolicyVersions.inMemory();

  /** A one-rule policy, also used by other tests of this package. */
  static final String SMALL = """
      name: small
      flag_threshold: 50
      rules:
        - id: remote.any
          weight: 60
          group: remote
          condition: remote.family_count > 0
      """;

  @Test
  void startsWithTheDefault_andRecordsIt() {
    PolicyRegistry r = PolicyRegistry.start(versions, null, clock);
    assertThat(r.current().policy().name()).isEqualTo("default");
    assertThat(versions.history()).hasSize(1);
  }

  @Test
  void validPolicy_isSwappedIn_versioned_andListenersHearIt() {
    PolicyRegistry r = PolicyRegistry.start(versions, null, clock);
    List<PolicySet> heard = new ArrayList<>();
    r.addListener(heard::add);
    ApplyResult result = r.apply("api", SMALL);
    assertThat(result.ok()).isTrue();
    assertThat(r.current().policy().name()).isEqualTo("small");
    assertThat(heard).singleElement().extracting(PolicySet::version).isEqualTo(r.current().version());
    assertThat(versions.history()).extracting(PolicyVersions.PolicyVersion::source).containsExactly("api", "default-policy.yaml");
    assertThat(r.apply("api", SMALL).ok()).isTrue();
    assertThat(heard).hasSize(1);
  }

  @Test
  void invalidPolicy_isRejected_withLineAndColumn_andTheRunningPolicyStays() {
    PolicyRegistry r = PolicyRegistry.start(versions, null, clock);
    String before = r.current().version();
    ApplyResult result = r.apply("p.yaml", SMALL.replace("remote.family_count > 0", "remote.family_count > 0 &&"));
    assertThat(result.ok()).isFalse();
    assertThat(result.problems()).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(7);
      assertThat(p.column()).isGreaterThan(16);
      assertThat(p.message()).startsWith("rule remote.any:");
    });
    assertThat(r.current().version()).isEqualTo(before);
    assertThat(versions.history()).hasSize(1);
  }

  @Test
  void brokenFileAtStart_fallsBackToTheStoredVersion(@TempDir Path dir) throws Exception {
    PolicyRegistry.start(versions, null, clock).apply("api", SMALL);
    Path broken = dir.resolve("p.yaml");
    Files.writeString(broken, "rules: [");
    PolicyRegistry r = PolicyRegistry.start(versions, broken, clock);
    assertThat(r.current().policy().name()).isEqualTo("small");
  }

  @Test
  void ruleThatThrows_isCounted_andTheOtherRulesStillDecide() throws Exception {
    String text = """
        flag_threshold: 10
        min_groups: 1
        rules:
          - id: bad.index
            weight: 50
            group: a
            condition: remote.families[3] == "x"
          - id: good.kvm
            weight: 20
            group: b
            condition: kvm.usb_identity
        """;
    PolicySet set = new PolicyCompiler().compile("p.yaml", text, Instant.EPOCH);
    PolicyEvaluator evaluator = new PolicyEvaluator();
    Signals s = io.telltale.collector.detect.SignalsFixture.withKvmIdentity();
    Verdict v = evaluator.evaluate(set, s, "", Instant.EPOCH);
    assertThat(v.failedRules()).containsExactly("bad.index");
    assertThat(v.reasons()).containsExactly("good.kvm");
    assertThat(v.flagged()).isTrue();
    assertThat(evaluator.failures()).isEqualTo(1);
  }

  @Test
  void expiredSuppression_doesNothing_activeOneSilencesTheRule() throws Exception {
    String text = """
        flag_threshold: 10
        min_groups: 1
        rules:
          - id: good.kvm
            weight: 20
            condition: kvm.usb_identity
        suppressions:
          - rule: good.kvm
            hostnames: [HOST-1]
            until: 2025-07-01T00:00:00Z
            reason: lab machine
        """;
    PolicySet set = new PolicyCompiler().compile("p.yaml", text, Instant.EPOCH);
    Signals s = io.telltale.collector.detect.SignalsFixture.withKvmIdentity();
    PolicyEvaluator e = new PolicyEvaluator();
    assertThat(e.evaluate(set, s, "", Instant.parse("2025-06-15T00:00:00Z")).suppressed()).containsExactly("good.kvm");
    assertThat(e.evaluate(set, s, "", Instant.parse("2025-07-02T00:00:00Z")).reasons()).containsExactly("good.kvm");
  }

  @Test
  void suppressionOfAnUnknownRule_isAPolicyError() {
    PolicyRegistry r = PolicyRegistry.start(versions, null, clock);
    ApplyResult res = r.apply("p.yaml", SMALL + """
        suppressions:
          - rule: no.such.rule
            until: 2025-07-01T00:00:00Z
            reason: x
        """);
    assertThat(res.problems()).extracting(Problem::message).containsExactly("rule: 'no.such.rule' is not a rule of this policy");
  }
}
