package io.telltale.collector.detect.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.telltale.collector.detect.yaml.Problem;
import io.telltale.collector.detect.yaml.YamlException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PolicyCompilerTest {

  private final PolicyCompiler compiler = new PolicyCompiler();

  @Test
  void defaultPolicy_compiles_everyRuleDocumented() throws Exception {
    PolicySet set = compiler.compile("default", PolicyRegistry.defaultText(), Instant.EPOCH);
    assertThat(set.rules()).hasSizeGreaterThan(20);
    for (CompiledRule r : set.rules()) {
      assertThat(r.rule().description()).as(r.rule().id()).isNotBlank();
      assertThat(r.rule().rationale()).as(r.rule().id()).isNotBlank();
      assertThat(r.rule().references()).as(r.rule().id()).isNotEmpty();
    }
  }

  @Test
  void unknownField_isReported_atItsLineAndColumn_withRuleId() {
    String text = """
        name: t
        rules:
          - id: a.ok
            weight: 10
            condition: kvm.usb_identity
          - id: b.typo
            weight: 10
            condition: kvm.usb_identity || kvm.no_such_field
        """;
    assertThatThrownBy(() -> compiler.compile("p.yaml", text, Instant.EPOCH))
        .isInstanceOfSatisfying(YamlException.class, e -> {
          assertThat(e.problems()).hasSize(1);
          Problem p = e.problems().get(0);
          assertThat(p.line()).isEqualTo(8);
          // "condition: " starts at column 5; the bad selection starts 20 characters into the expression.
          assertThat(p.column()).isEqualTo(16 + "kvm.usb_identity || kvm".length());
          assertThat(p.message()).contains("b.typo").contains("no_such_field");
        });
  }

  @Test
  void blockCondition_errorOnSecondLine_pointsIntoTheBlock() {
    String text = """
        rules:
          - id: a.block
            weight: 1
            condition: |
              kvm.usb_identity
                && remote.family_count > "two"
        """;
    assertThatThrownBy(() -> compiler.compile("p.yaml", text, Instant.EPOCH))
        .isInstanceOfSatisfying(YamlException.class, e -> {
          Problem p = e.problems().get(0);
          assertThat(p.line()).isEqualTo(6);
          assertThat(p.message()).contains("a.block");
        });
  }

  @Test
  void nonBoolCondition_isRejected() {
    String text = """
        rules:
          - id: a.count
            condition: remote.family_count
        """;
    assertThatThrownBy(() -> compiler.compile("p.yaml", text, Instant.EPOCH))
        .isInstanceOfSatisfying(YamlException.class, e ->
            assertThat(e.problems().get(0).line()).isEqualTo(3));
  }

  @Test
  void yamlStructureErrors_carryLineAndColumn() {
    String text = """
        rules:
          - id: a.x
            weight: lots
            condition: kvm.usb_identity
            colour: red
        """;
    assertThatThrownBy(() -> compiler.compile("p.yaml", text, Instant.EPOCH))
        .isInstanceOfSatisfying(YamlException.class, e -> assertThat(e.problems())
            .extracting(Problem::toString)
            .containsExactly("p.yaml:3:13: weight: 'lots' (expected: an integer)",
                "p.yaml:5:5: unknown key 'colour' (expected one of: condition, description, enabled, flags_alone,"
                    + " group, id, rationale, references, severity, title, weight)"));
  }
}
