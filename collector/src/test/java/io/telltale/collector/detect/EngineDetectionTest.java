package io.telltale.collector.detect;

import static io.telltale.collector.detect.TestObjects.PANEL;
import static io.telltale.collector.detect.TestObjects.PIKVM_USB;
import static io.telltale.collector.detect.TestObjects.T0;
import static io.telltale.collector.detect.TestObjects.hardware;
import static io.telltale.collector.detect.TestObjects.plainSoftware;
import static io.telltale.collector.detect.TestObjects.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.telltale.collector.detect.policy.PolicyRegistry;
import io.telltale.collector.review.DeviceVerdict;
import io.telltale.collector.review.EngineDetection;
import io.telltale.collector.review.Problem;
import io.telltale.collector.review.ReviewException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The review side's adapter over the real detection engine (in this package to reuse its fixture). */
class EngineDetectionTest {

  private final EngineFixture fx = new EngineFixture();
  private final EngineDetection view = new EngineDetection(fx.engine(), () -> fx.now.get());

  private void pikvmOn(String id) {
    fx.feed(report(id).seq(1).at(Duration.ofHours(1)).software(plainSoftware())
        .hardware(hardware(List.of(PIKVM_USB), List.of(PANEL))).build());
    fx.verdictAt(id, T0.plus(Duration.ofHours(2)));
  }

  @Test
  void verdict_carriesFindingsWithEvidenceAndFirstSeen() {
    pikvmOn("k");
    DeviceVerdict v = view.verdict("k").orElseThrow();
    assertThat(v.flagged()).isTrue();
    assertThat(v.level()).isEqualTo("flagged");
    DeviceVerdict.Evidence e = v.findings().stream().flatMap(f -> f.evidence().stream())
        .filter(x -> x.signal().startsWith("kvm.")).findFirst().orElseThrow();
    assertThat(e.summary()).containsIgnoringCase("pikvm");
    assertThat(e.firstSeen()).isNotNull();
    assertThat(view.verdicts()).containsKey("k");
    assertThat(view.history("k")).isNotEmpty();
  }

  @Test
  void validate_locatesProblemsByLine_andApplyRefusesThemKeepingTheLivePolicy() {
    String live = view.current().version();
    String broken = PolicyRegistry.defaultText() + "\n  - id: broken.rule\n    when: kvm.nope &&\n";
    List<Problem> problems = view.validate(broken);
    assertThat(problems).isNotEmpty();
    assertThat(problems.get(0).line()).isGreaterThan(0);
    assertThatThrownBy(() -> view.apply(broken, "api:test")).isInstanceOf(ReviewException.class);
    assertThat(view.current().version()).isEqualTo(live);
    assertThat(view.validate(PolicyRegistry.defaultText())).isEmpty();
  }

  @Test
  void dryRun_ofAPolicyThatFlagsNothingAlone_listsTheDeviceThatWouldBeCleared_andChangesNothing() {
    pikvmOn("k");
    String lenient = PolicyRegistry.defaultText().replace("flags_alone: true", "flags_alone: false")
        .replaceFirst("(?m)^flag_threshold: \\d+", "flag_threshold: 100000");
    var changes = view.dryRun(lenient);
    assertThat(changes).singleElement().satisfies(c -> {
      assertThat(c.deviceId()).isEqualTo("k");
      assertThat(c.levelBefore()).isEqualTo("flagged");
      assertThat(c.levelAfter()).isNotEqualTo("flagged");
    });
    assertThat(view.verdict("k").orElseThrow().flagged()).isTrue();
    assertThat(view.dryRun(PolicyRegistry.defaultText())).isEmpty();
  }
}
